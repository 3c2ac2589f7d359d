import { describe, expect, it } from 'vitest';
import { writtenInEnglish } from '../../src/text/foreign.ts';

describe('a question in English', () => {
  it('is told by its function words', () => {
    expect(writtenInEnglish('Who is the akim of Almaty?')).toBe(true);
    expect(writtenInEnglish('How many NGOs are there in Kyzylorda?')).toBe(true);
  });

  it('is not Russian or Kazakh typed in Latin letters, nor a name', () => {
    for (const q of ['Skolko shkol nuzhno postroit v Almaty?', 'Kto akim Almaty?', 'Qyzylordada qansha is-shara otkizildi?', 'Almaty akimi kim?', 'AMANAT', 'Кто аким Алматы? the', 'Сколько стоит проезд в метро Almaty Metro?']) {
      expect(writtenInEnglish(q), q).toBe(false);
    }
  });
});
