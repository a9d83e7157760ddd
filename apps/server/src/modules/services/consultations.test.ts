// The state machine of a consultation: answered before published, published before unpublished.
import { expect, it } from 'vitest';
import { consultationTransition } from './consultations.policy.js';

it('answers any time, publishes answered ones once, unpublishes published ones', () => {
  expect(consultationTransition('answer', { status: 'open', published: false })).toEqual({ status: 'answered', published: false });
  expect(consultationTransition('answer', { status: 'answered', published: true })).toEqual({ status: 'answered', published: true });
  expect(consultationTransition('publish', { status: 'open', published: false })).toBeNull();
  expect(consultationTransition('publish', { status: 'answered', published: false })).toEqual({ status: 'answered', published: true });
  expect(consultationTransition('publish', { status: 'answered', published: true })).toBeNull();
  expect(consultationTransition('unpublish', { status: 'answered', published: true })).toEqual({ status: 'answered', published: false });
  expect(consultationTransition('unpublish', { status: 'answered', published: false })).toBeNull();
});
