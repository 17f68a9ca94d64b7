import { afterEach } from 'vitest';

/**
 * For a test file about code that reads the environment variables `names`: returns a setter
 * that unsets all of them and then sets the given ones, so a test sees only what it sets, and
 * puts back the values they had outside the tests after each test.
 */
export function withEnvironment<Name extends string>(
  names: readonly Name[],
): (values: Partial<Record<Name, string>>) => void {
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  return (values) => {
    for (const name of names) delete process.env[name];
    Object.assign(process.env, values);
  };
}
