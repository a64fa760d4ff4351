import type { LinearModel } from './classifier.js';
import shipped from './model/item-type-model.json' with { type: 'json' };

/** The two trained models: the item type (four classes) and item-or-not ("item" / "other"). */
export interface ItemModels {
  type: LinearModel;
  item: LinearModel;
}

export interface ModelFile extends ItemModels {
  /** The labelled documents the shipped model was trained on. */
  trainedOn: string[];
}

/** The model shipped with the code (scripts/train-item-classifier.ts writes it); read once. */
export function shippedModels(): ItemModels {
  return shipped as unknown as ModelFile;
}
