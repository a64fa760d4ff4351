import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probabilities, textFeatures, train } from './classifier.js';
import { shippedModels } from './model.js';
import { loadLabelledDocuments } from './training.js';

describe('item classifier', () => {
  it('folds case and accents, and reads English and French words, bigrams and the opening word', () => {
    expect(textFeatures('Réunion: les Participants ont SALUÉ 12 États')).toEqual(
      expect.arrayContaining(['^reunion', 'reunion', 'participants', 'ont salue', 'salue', '0', 'etats']),
    );
  });

  it('learns from examples the same way each time', () => {
    const examples = [
      { features: textFeatures('Partners should share data'), label: 'recommendation' },
      { features: textFeatures('Les partenaires devraient partager les données'), label: 'recommendation' },
      { features: textFeatures('Ghana has set up a border unit'), label: 'good_practice' },
      { features: textFeatures('Le Sénégal a mis en place une unité'), label: 'good_practice' },
    ];
    const options = { classes: ['recommendation', 'good_practice'], minCount: 1 };
    const model = train(examples, options);
    expect(train(examples, options)).toEqual(model);
    const [recommendation] = probabilities(model, textFeatures('Partners should share data on routes'));
    expect(recommendation).toBeGreaterThan(0.5);
  });

  it('ships a model under 1 MB trained on every labelled document (npm run train:classifier)', async () => {
    const file = path.join(import.meta.dirname, 'model/item-type-model.json');
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const shipped = JSON.parse(fs.readFileSync(file, 'utf8')) as { trainedOn: string[] };
    expect(shipped.trainedOn).toEqual((await loadLabelledDocuments()).map((d) => d.name));
    expect(Object.keys(shippedModels().type.weights).length).toBeGreaterThan(100);
  });
});
