/**
 * A small multinomial logistic regression over word uni- and bi-grams, for English and French text
 * together: words are lower-cased and accents folded ("réunion" and "reunion" are one feature),
 * numbers are one token. It is trained by scripts/train-item-classifier.ts on the labelled documents
 * and shipped as JSON (model/item-type-model.json); the quality test trains it the same way, leaving
 * each document out in turn, to measure it on documents it has not seen.
 */

export interface LinearModel {
  classes: string[];
  bias: number[];
  /** One weight per class for each feature kept. */
  weights: Record<string, number[]>;
}

export interface Example {
  features: string[];
  label: string;
}

/** Lower-cased, accent-folded words; digits become one token so that figures look alike. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map((word) => (/^\p{N}+$/u.test(word) ? '0' : word));
}

/** Unigrams, bigrams and the opening word ("^participants"), each once. */
export function textFeatures(text: string): string[] {
  const tokens = words(text);
  const features = new Set<string>();
  if (tokens.length) features.add(`^${tokens[0]}`);
  tokens.forEach((token, i) => {
    features.add(token);
    if (i > 0) features.add(`${tokens[i - 1]} ${token}`);
  });
  return [...features];
}

export interface TrainOptions {
  classes: string[];
  /** A feature seen in fewer examples is dropped (keeps the model small and less over-fitted). */
  minCount?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Weigh examples so that every class counts as much in total (rare challenges still count). */
  balanced?: boolean;
}

/** A small deterministic pseudo-random sequence, so that training twice gives the same model. */
function shuffled<T>(list: T[], seed: number): T[] {
  const copy = [...list];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function scores(model: LinearModel, features: string[]): number[] {
  const out = [...model.bias];
  for (const feature of features) {
    const w = model.weights[feature];
    if (w) for (let c = 0; c < out.length; c++) out[c] += w[c];
  }
  return out;
}

/** Class probabilities, in the order of `model.classes`. */
export function probabilities(model: LinearModel, features: string[]): number[] {
  const s = scores(model, features);
  const max = Math.max(...s);
  const exp = s.map((v) => Math.exp(v - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / total);
}

/** Trains by stochastic gradient descent on the softmax loss with L2 regularisation. */
export function train(examples: Example[], options: TrainOptions): LinearModel {
  const { classes, minCount = 2, epochs = 12, learningRate = 0.2, l2 = 1e-4, balanced = true } = options;
  const counts = new Map<string, number>();
  for (const example of examples) for (const f of example.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const model: LinearModel = { classes, bias: classes.map(() => 0), weights: {} };
  for (const [feature, count] of counts) if (count >= minCount) model.weights[feature] = classes.map(() => 0);
  const perClass = classes.map((c) => examples.filter((e) => e.label === c).length);
  const weightOf = classes.map((_, c) => (balanced && perClass[c] ? examples.length / (classes.length * perClass[c]) : 1));
  const usable = examples
    .filter((e) => classes.includes(e.label))
    .map((e) => ({ features: e.features.filter((f) => f in model.weights), label: classes.indexOf(e.label) }));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.5);
    for (const example of shuffled(usable, epoch + 1)) {
      const p = probabilities(model, example.features);
      const scale = weightOf[example.label];
      for (let c = 0; c < classes.length; c++) {
        const gradient = (p[c] - (c === example.label ? 1 : 0)) * scale;
        model.bias[c] -= rate * gradient;
        for (const f of example.features) {
          const w = model.weights[f];
          w[c] -= rate * (gradient + l2 * w[c]);
        }
      }
    }
  }
  return compact(model);
}

/** Rounds weights and drops features that no longer tell classes apart, for a small JSON file. */
function compact(model: LinearModel): LinearModel {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const weights: Record<string, number[]> = {};
  for (const [feature, w] of Object.entries(model.weights).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rounded = w.map(round);
    if (rounded.some((v) => Math.abs(v) >= 0.01)) weights[feature] = rounded;
  }
  return { classes: model.classes, bias: model.bias.map(round), weights };
}
