import { BadUserInputError, type FieldProblem } from '../errors/domain.errors.js';
import type { Label } from '../i18n/messages.js';

/** A condition a transition needs beyond its starting state: in words (docs/domain.md), and its check. */
export interface Guard<C> {
  rule: Label;
  /** The problem with `context`, or null when the condition holds. */
  check(context: C): FieldProblem | null;
}

/** A guard from its rule in French and in English and its check. */
export const guard = <C>(fr: string, en: string, check: Guard<C>['check']): Guard<C> => ({ rule: { fr, en }, check });

export interface Transition<S extends string, C> {
  label: Label;
  from: readonly S[];
  /** The state reached: one, several (then `resolve` picks it from the record), or none for a change that keeps it. */
  to?: S | readonly S[];
  resolve?(context: C): S;
  guards?: readonly Guard<C>[];
  /** The problem when the record is in another state than `from`, if not the machine's. */
  refusal?(state: S, context: C): FieldProblem;
}

export interface StateMachineSpec<S extends string, A extends string, C> {
  /** What the machine is about, as docs/domain.md titles it. */
  name: Label;
  states: Record<S, Label>;
  /** States a record may be created in. */
  initial: readonly S[];
  transitions: Record<A, Transition<S, C>>;
  /** The problem when a transition does not start from `state` (`to`: the state asked for, when one was). */
  refusal(state: S, context: C, to?: S): FieldProblem;
}

/**
 * A feature's state machine (its `<feature>.rules.ts`): the transition table with each transition's French and
 * English label, the states it starts from and reaches, and its guards. Services move records only through
 * `apply` (by transition) or `move` (by the state asked for); docs/domain.md is rendered from the same tables.
 */
export class StateMachine<S extends string, A extends string, C = undefined> {
  constructor(readonly spec: StateMachineSpec<S, A, C>) {}

  targets(action: A): readonly S[] {
    const { to } = this.spec.transitions[action];
    return to === undefined ? [] : typeof to === 'string' ? [to as S] : (to as readonly S[]);
  }

  can(action: A, state: S): boolean {
    return this.spec.transitions[action].from.includes(state);
  }

  /** States no transition leaves: a record there is history. */
  finalStates(): S[] {
    const transitions = Object.values<Transition<S, C>>(this.spec.transitions);
    return (Object.keys(this.spec.states) as S[]).filter((state) => !transitions.some((t) => t.from.includes(state)));
  }

  /** The transition that takes a record from `from` to `to`, if there is one. */
  actionTo(from: S, to: S): A | null {
    const actions = Object.keys(this.spec.transitions) as A[];
    return actions.find((action) => this.can(action, from) && this.targets(action).includes(to)) ?? null;
  }

  /** Why `action` may not be applied to a record in `state` (its starting states, then its guards), or null. */
  problem(action: A, state: S, context: C): FieldProblem | null {
    const transition = this.spec.transitions[action];
    if (!this.can(action, state)) return transition.refusal?.(state, context) ?? this.spec.refusal(state, context);
    for (const guard of transition.guards ?? []) {
      const problem = guard.check(context);
      if (problem) return problem;
    }
    return null;
  }

  /** Applies `action` to a record in `state` (BAD_USER_INPUT when `problem` says why not); the state reached. */
  apply(action: A, state: S, context: C): S {
    const problem = this.problem(action, state, context);
    if (problem) throw new BadUserInputError([problem]);
    return this.spec.transitions[action].resolve?.(context) ?? this.targets(action)[0] ?? state;
  }

  /** Why a record may not move from `from` to `to` (by `action` when the feature says which transition), or null. */
  moveProblem(from: S, to: S, context: C, action: A | null = this.actionTo(from, to)): FieldProblem | null {
    return action === null ? this.spec.refusal(from, context, to) : this.problem(action, from, context);
  }

  /** Moves a record from `from` to the state `to` asked for (see moveProblem); answers the transition taken. */
  move(from: S, to: S, context: C, action: A | null = this.actionTo(from, to)): A {
    const problem = this.moveProblem(from, to, context, action);
    if (problem) throw new BadUserInputError([problem]);
    return action!;
  }
}

const both = (label: Label) => `${label.fr} (${label.en})`;
const codes = (states: readonly string[]) => states.map((state) => `\`${state}\``).join(', ');

/** The machine as docs/domain.md shows it: its states, then one row per transition with its guards. */
export function renderStateMachine(machine: StateMachine<string, string, never>, source: string): string {
  const { name, states, initial, transitions } = machine.spec;
  const rows = Object.entries(transitions).map(([action, transition]) => {
    const to = machine.targets(action);
    const guards = (transition.guards ?? []).map((guard) => both(guard.rule)).join(' ; ');
    return `| \`${action}\` — ${both(transition.label)} | ${codes(transition.from)} | ${to.length ? codes(to) : 'unchanged'} | ${guards || '—'} |`;
  });
  return [
    `### ${both(name)}`,
    '',
    `\`${source}\`. States: ${Object.entries(states)
      .map(([state, label]) => `\`${state}\` ${both(label)}`)
      .join(', ')}. Created as ${codes(initial)}; final (no transition leaves them): ${codes(machine.finalStates()) || 'none'}.`,
    '',
    '| Transition | From | To | Guards, in order |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
