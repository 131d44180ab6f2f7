/**
 * loaders.gl called the way kepler.gl's file handler calls it (src/processors/src/file-handler.ts:
 * `parseInBatches(file, [JSONLoader, CSVLoader, …], { csv: { shape: 'object-row-table',
 * dynamicTyping: false }, json: { shape: 'object-row-table', jsonpaths: ['$', '$.features'] },
 * metadata: true })`, every batch's rows collected into one array), then, like the floor, the
 * coordinates copied into a Float64Array and transferred. kepler's own processing of the rows
 * (type detection, its data containers) is not included: this row is the loader alone.
 */
import { parseInBatches } from '@loaders.gl/core';
import { JSONLoader } from '@loaders.gl/json';
import { CSVLoader } from '@loaders.gl/csv';

const scope = self as unknown as { postMessage(m: unknown, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<File>) => void) | null };

type Feature = { geometry: { coordinates: [number, number] } };

async function parse(file: File): Promise<Float64Array> {
  const batches = await parseInBatches(file, [JSONLoader, CSVLoader], {
    csv: { shape: 'object-row-table', dynamicTyping: false },
    json: { shape: 'object-row-table', jsonpaths: ['$', '$.features'] },
    metadata: true,
  });
  const rows: unknown[] = [];
  for await (const batch of batches as AsyncIterable<{ batchType?: string; data?: unknown[] }>) {
    if (batch.batchType === 'metadata' || batch.batchType === 'final-result' || !Array.isArray(batch.data)) continue;
    for (const r of batch.data) rows.push(r);
  }
  const xy = new Float64Array(rows.length * 2);
  if (file.name.endsWith('.csv')) {
    // the generated CSV's columns: name, lon, lat, i (strings: dynamicTyping is off, as in kepler)
    rows.forEach((r, i) => {
      const o = r as Record<string, string>;
      xy[2 * i] = Number(o.lon);
      xy[2 * i + 1] = Number(o.lat);
    });
  } else {
    rows.forEach((r, i) => {
      const c = (r as Feature).geometry.coordinates;
      xy[2 * i] = c[0];
      xy[2 * i + 1] = c[1];
    });
  }
  return xy;
}

scope.onmessage = (e) => {
  parse(e.data).then(
    (xy) => scope.postMessage(xy, [xy.buffer]),
    (err: unknown) => scope.postMessage(String(err)),
  );
};
