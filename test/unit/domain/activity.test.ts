import { describe, expect, it } from 'vitest';
import { ACTIVITY_SUBJECTS, ackRating, acknowledgementRecord, activityKindOf, ratingOf } from '@/lib/domain/activity';

describe('Baton activities on a deal', () => {
  it('recognises its own subjects and nobody else’s', () => {
    expect(activityKindOf('Baton: handoff gate overridden (closed won anyway)')).toBe('override');
    expect(activityKindOf('Baton: handoff acknowledged by CS (4/5)')).toBe('acknowledgement');
    expect(activityKindOf('Baton: handoff review (2/5)')).toBe('review');
    expect(activityKindOf('Baton: something new')).toBeNull();
    expect(activityKindOf('Re: Baton: handoff review')).toBeNull();
    expect(activityKindOf('')).toBeNull();
  });

  it('the rating is the rubric mean, rounded, and is read back from the body it writes', () => {
    const rubric = { context: 5, promises: 2, stakeholders: 4, successCriteria: 3 };
    expect(ackRating(rubric)).toBe(4); // 3.5 rounds up
    const { subject, body } = acknowledgementRecord(rubric, '');
    expect(subject).toBe(`${ACTIVITY_SUBJECTS.acknowledgement} (4/5)`);
    expect(activityKindOf(subject)).toBe('acknowledgement');
    expect(ratingOf(body)).toBe(4);
    expect(body).not.toContain('Comment');
  });

  it('a rating only counts on its own line', () => {
    expect(ratingOf('Comment: Rating: 5/5 would be nice')).toBeNull();
    expect(ratingOf('Rating: 9/5')).toBeNull();
    expect(ratingOf('x\nRating: 2/5\ny')).toBe(2);
  });
});
