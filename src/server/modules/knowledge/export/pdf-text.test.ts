import { describe, expect, it } from 'vitest';
import { winAnsi } from './pdf-text.js';

describe('winAnsi', () => {
  it('keeps what the standard fonts draw: Latin-1, dashes, curly quotes, the euro sign', () => {
    const text = 'Réunion à Dakar – « œuvre » “quoted” ’ € … ç';
    expect(winAnsi(text)).toBe(text);
  });

  it('turns other spaces into plain ones and strips accents the fonts lack', () => {
    expect(winAnsi('5\u2009–\u20096 July\u202f2022')).toBe('5 – 6 July 2022');
    expect(winAnsi('Şanlıurfa, Łódź')).toBe('Sanl[…]urfa, […]ódz');
  });

  it('marks a run of another script once rather than drawing wrong letters', () => {
    expect(winAnsi('Rabat (الرباط) 2024')).toBe('Rabat ([…]) 2024');
  });
});
