/**
 * Trains the item classifiers (item type; item or not) on every labelled document in
 * test/fixtures/knowledge/labels and writes src/server/modules/knowledge/extraction/model/
 * item-type-model.json: `npm run train:classifier` after adding or changing labels. The quality
 * test trains the same way with each document left out, to measure the model on unseen documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ModelFile } from '../src/server/modules/knowledge/extraction/model.js';
import { loadLabelledDocuments, ROOT, trainModels } from '../src/server/modules/knowledge/extraction/training.js';

const MODEL_FILE = path.join(ROOT, 'src/server/modules/knowledge/extraction/model/item-type-model.json');
const MAX_BYTES = 1024 * 1024;

const documents = await loadLabelledDocuments();
if (documents.length === 0) throw new Error('no labelled documents found in test/fixtures/knowledge/labels');
const model: ModelFile = { trainedOn: documents.map((d) => d.name), ...trainModels(documents) };
const json = `${JSON.stringify(model)}\n`;
if (Buffer.byteLength(json) > MAX_BYTES)
  throw new Error(`the model is ${Buffer.byteLength(json)} bytes, over 1 MB: raise minCount`);
fs.writeFileSync(MODEL_FILE, json);
const features = (m: ModelFile['type']) => Object.keys(m.weights).length;
console.log(
  `wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${documents.length} documents, ` +
    `${features(model.type)} type features, ${features(model.item)} item features, ${Buffer.byteLength(json)} bytes`,
);
