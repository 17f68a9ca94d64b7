import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvStream } from '@/lib/audit/audit-csv';

describe('csvField', () => {
  it('quotes a field holding a quote, comma or line break, and doubles its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvField('=HYPERLINK("https://evil.test","x")')).toBe(
      '"\'=HYPERLINK(""https://evil.test"",""x"")"',
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('csvStream', () => {
  it('writes a byte-order mark and the header, then each batch as it is pulled', async () => {
    const pulled: number[] = [];
    async function* batches() {
      for (const n of [1, 2]) {
        pulled.push(n);
        yield [[`row ${n}`, 'x,y']];
      }
    }
    const stream = csvStream(['A', 'B'], batches());
    const reader = stream.getReader();
    // ignoreBOM: keep the mark in the text, to see it is there.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe(`\uFEFF${csvLine(['A', 'B'])}`);
    let rest = '';
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      rest += decoder.decode(next.value);
    }
    expect(rest).toBe('row 1,"x,y"\r\nrow 2,"x,y"\r\n');
    expect(pulled).toEqual([1, 2]);
  });

  it('stops reading batches when the download is cancelled', async () => {
    let finished = false;
    async function* batches() {
      try {
        for (let n = 0; ; n++) yield [[String(n)]];
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(['A'], batches()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
