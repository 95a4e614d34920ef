/**
 * The bootstrap the Agreement view asks for: whole documents are resampled only when asked for and
 * when there are enough documents to resample (at least 30); otherwise coded stretches are.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapChoice } from '../../renderer/store/agreement';

describe('bootstrapChoice', () => {
  const choices = { withIntervals: true, byDocument: false, samples: 500, seed: 2 };

  it('asks for whole documents only with the option ticked and 30 or more documents', () => {
    expect(bootstrapChoice(choices, 40)).toEqual({ samples: 500, seed: 2 });
    expect(bootstrapChoice({ ...choices, byDocument: true }, 30)).toEqual({ samples: 500, seed: 2, unit: 'document' });
    expect(bootstrapChoice({ ...choices, byDocument: true }, 29)).toEqual({ samples: 500, seed: 2 });
    expect(bootstrapChoice({ ...choices, withIntervals: false, byDocument: true }, 40)).toBeUndefined();
  });
});
