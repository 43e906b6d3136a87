import { guard, StateMachine, type Guard } from '../common/state-machine.js';
import type { FieldProblem } from '../errors/domain.errors.js';
import { LABELS, labelParams } from '../i18n/messages.js';
import { AccompanimentStatus as S } from './accompaniment.enums.js';

/** What the rules of a file's state change look at. */
export interface FileChange {
  file: { openedOn: string; statusChangedOn: string };
  /** The date of the change, and the input field that gave it. */
  on: string;
  field: string;
  today: string;
  /** Closing: the date of the file's latest interaction. */
  lastInteractionOn?: string | null;
  /** Reassigning: why the advisor given cannot lead the file, if they cannot. */
  leadProblem?: FieldProblem | null;
}

const problem = (field: string, message: FieldProblem['message'], params?: Record<string, unknown>): FieldProblem => ({ field, message, params });

/** A status change is dated today or earlier, not before the file's opening nor its last status change. */
const DATED: Guard<FileChange>[] = [
  guard('datée d’aujourd’hui au plus tard', 'dated today at the latest', ({ on, today, field }) =>
    on > today ? problem(field, 'field.futureDate') : null,
  ),
  guard('pas avant l’ouverture du dossier', 'not before the file was opened', ({ on, file, field }) =>
    on < file.openedOn ? problem(field, 'field.beforeOpening', { openedOn: file.openedOn }) : null,
  ),
  guard('pas avant son dernier changement d’état', 'not before its last change of status', ({ on, file, field }) =>
    on < file.statusChangedOn ? problem(field, 'field.beforeLastStatusChange', { on: file.statusChangedOn }) : null,
  ),
];

/** Accompaniment files (docs/domain.md): OPEN → (ON_HOLD ↔ OPEN) → CLOSED; one active file per company and region. */
export const FILE_STATES = new StateMachine<S, 'hold' | 'resume' | 'close' | 'reassign', FileChange>({
  name: { fr: 'Dossier d’accompagnement', en: 'Accompaniment file' },
  states: LABELS.accompanimentStatus,
  initial: [S.OPEN],
  transitions: {
    hold: { label: { fr: 'mettre en suspens', en: 'put on hold' }, from: [S.OPEN], to: S.ON_HOLD, guards: DATED },
    resume: { label: { fr: 'reprendre', en: 'resume' }, from: [S.ON_HOLD], to: S.OPEN, guards: DATED },
    close: {
      label: { fr: 'fermer', en: 'close' },
      from: [S.OPEN, S.ON_HOLD],
      to: S.CLOSED,
      guards: [
        ...DATED,
        guard('pas avant sa dernière intervention', 'not before its last interaction', ({ on, field, lastInteractionOn }) =>
          lastInteractionOn && lastInteractionOn > on ? problem(field, 'field.beforeLastInteraction', { lastInteractionOn }) : null,
        ),
      ],
    },
    reassign: {
      label: { fr: 'réassigner', en: 'reassign' },
      from: [S.OPEN, S.ON_HOLD],
      guards: [
        guard('à une conseillère ou un gestionnaire actif de la région', 'to an active advisor or manager of the region', (change) =>
          change.leadProblem ?? null,
        ),
      ],
    },
  },
  refusal: (status) => problem('input.id', 'field.fileStatus', labelParams('status', LABELS.accompanimentStatus[status])),
});
