/**
 * The invitation and password-reset links in an email's plain text, each once, in order: what
 * a host admin copies from a held email to share by hand.
 */
export function accessLinksIn(text: string): string[] {
  // A sentence's full stop or comma after a link is not part of it.
  const urls = (text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).map((url) =>
    url.replace(/[.,;:!?]+$/, ''),
  );
  return [...new Set(urls.filter((url) => /^\/(invite|reset)\/[^/]+$/.test(pathOf(url))))];
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
