import type { Locale } from './locale.js';

type Params = Record<string, unknown>;
type Text = string | ((params: Params) => string);
interface Message {
  fr: Text;
  en: Text;
}

const list = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

/**
 * Every message a client can read, in French (default) and English. Keys are stable; modules add theirs here
 * so translators find them in one place.
 */
const CATALOG = {
  // Authentication and permissions
  'auth.missingToken': {
    fr: 'Authentification requise : fournissez un jeton dans l’en-tête Authorization: Bearer.',
    en: 'Authentication required: send a token in the Authorization: Bearer header.',
  },
  'auth.invalidToken': {
    fr: 'Jeton invalide ou expiré.',
    en: 'Invalid or expired token.',
  },
  'auth.unknownAdvisor': {
    fr: 'Aucune conseillère ni aucun conseiller actif ne correspond à ce jeton.',
    en: 'No active advisor matches this token.',
  },
  forbidden: {
    fr: 'Vous n’avez pas la permission d’effectuer cette opération.',
    en: 'You are not allowed to perform this operation.',
  },
  'forbidden.reassign': {
    fr: 'Seule la direction régionale du dossier (ou un administrateur) peut le réassigner.',
    en: 'Only the file’s regional direction (or an administrator) can reassign it.',
  },
  'forbidden.countsRegions': {
    fr: (p) =>
      `Les comptes d’une conseillère ou d’un conseiller se limitent à ses régions : retirez ${String(p.regionCodes)} ` +
      '(nommez vos régions dans filter.regionCodes).',
    en: (p) =>
      `An advisor's counts are limited to their regions: remove ${String(p.regionCodes)} ` +
      '(name your regions in filter.regionCodes).',
  },
  'forbidden.region': {
    fr: (p) => `La région ${list(p.regionCode)} ne fait pas partie de vos régions.`,
    en: (p) => `Region ${list(p.regionCode)} is not one of your regions.`,
  },
  'signIn.developmentDisabled': {
    fr: 'La connexion de développement est désactivée (jamais offerte en production) : connectez-vous avec votre jeton.',
    en: 'The development sign-in is disabled (never offered in production): sign in with your token.',
  },
  'signIn.unknownAdvisor': {
    fr: (p) => `Aucune personne active n’a le courriel ${String(p.email)}.`,
    en: (p) => `No active person has the email ${String(p.email)}.`,
  },
  'export.unknownView': {
    fr: (p) => `Vue d’exportation inconnue : ${String(p.view)} (vues : ${String(p.views)}).`,
    en: (p) => `Unknown export view: ${String(p.view)} (views: ${String(p.views)}).`,
  },
  'export.fiscalYear': {
    fr: 'Exercice financier invalide : AAAA-AAAA, ex. 2020-2021, et seulement pour une vue qui a un exercice.',
    en: 'Invalid fiscal year: YYYY-YYYY, e.g. 2020-2021, and only for a view that has one.',
  },
  'export.delimiter': {
    fr: 'Séparateur invalide : « , » ou « ; ».',
    en: 'Invalid delimiter: "," or ";".',
  },
  // Generic outcomes
  notFound: {
    fr: (p) => `${String(p.entityFr ?? 'Élément')} introuvable (${String(p.id)}).`,
    en: (p) => `${String(p.entityEn ?? 'Item')} not found (${String(p.id)}).`,
  },
  badUserInput: {
    fr: 'Données invalides : corrigez les champs indiqués.',
    en: 'Invalid input: correct the fields listed.',
  },
  staleVersion: {
    fr: 'Cet enregistrement a été modifié par quelqu’un d’autre depuis votre lecture. Rechargez-le puis recommencez.',
    en: 'This record was changed by someone else since you read it. Reload it and try again.',
  },
  serviceUnavailable: {
    fr: 'La base de données est momentanément injoignable ; rien n’a été enregistré. Réessayez dans quelques secondes.',
    en: 'The database cannot be reached right now; nothing was saved. Try again in a few seconds.',
  },
  internal: {
    fr: 'Une erreur interne est survenue. Elle a été journalisée ; réessayez plus tard.',
    en: 'An internal error occurred. It has been logged; try again later.',
  },
  'conflict.advisorEmail': {
    fr: (p) => `Une conseillère ou un conseiller utilise déjà l’adresse ${String(p.email)}.`,
    en: (p) => `An advisor already uses the address ${String(p.email)}.`,
  },
  'conflict.directionCode': {
    fr: (p) => `La direction régionale ${String(p.code)} existe déjà.`,
    en: (p) => `Regional direction ${String(p.code)} already exists.`,
  },
  'conflict.servicePointName': {
    fr: (p) => `Un point de services porte déjà le nom « ${String(p.name)} » dans cette région.`,
    en: (p) => `A service point named "${String(p.name)}" already exists in this region.`,
  },
  'conflict.companyNeq': {
    fr: (p) => `Une entreprise porte déjà le NEQ ${String(p.neq)} : ${String(p.legalName)}.`,
    en: (p) => `A company already has NEQ ${String(p.neq)}: ${String(p.legalName)}.`,
  },
  'conflict.companyDuplicate': {
    fr: (p) =>
      `Doublon probable : ${String(p.names)}. Vérifiez ; s’il s’agit bien d’une autre entreprise, ` +
      'recommencez avec confirmNotDuplicate: true.',
    en: (p) =>
      `Likely duplicate: ${String(p.names)}. Check; if it really is another company, ` +
      'try again with confirmNotDuplicate: true.',
  },
  'conflict.activeAccompaniment': {
    fr: 'Cette entreprise a déjà un dossier ouvert ou en suspens dans cette région.',
    en: 'This company already has an open or on-hold file in this region.',
  },
  // Field validation (BAD_USER_INPUT details)
  'field.neq': {
    fr: 'NEQ invalide : exactement 10 chiffres.',
    en: 'Invalid NEQ: exactly 10 digits.',
  },
  'field.naics': {
    fr: 'Code SCIAN invalide : 2 à 6 chiffres commençant par un secteur SCIAN 2022 (11, 21, 22, 23, 31-33, 41, …, 91).',
    en: 'Invalid NAICS code: 2 to 6 digits starting with a NAICS 2022 sector (11, 21, 22, 23, 31-33, 41, …, 91).',
  },
  'field.unknownCompany': {
    fr: (p) => `Entreprise introuvable : ${String(p.id)}.`,
    en: (p) => `Unknown company: ${String(p.id)}.`,
  },
  'field.unknownAdvisor': {
    fr: (p) => `Conseillère ou conseiller introuvable ou inactif : ${String(p.id)}.`,
    en: (p) => `Unknown or inactive advisor: ${String(p.id)}.`,
  },
  'field.advisorNotInRegion': {
    fr: (p) => `Cette personne n’a pas la région ${String(p.regionCode)} parmi les siennes.`,
    en: (p) => `This person does not have region ${String(p.regionCode)} among theirs.`,
  },
  'field.futureDate': {
    fr: 'La date ne peut pas être dans le futur.',
    en: 'The date cannot be in the future.',
  },
  'field.beforeOpening': {
    fr: (p) => `La date ne peut pas précéder l’ouverture du dossier (${String(p.openedOn)}).`,
    en: (p) => `The date cannot be before the file was opened (${String(p.openedOn)}).`,
  },
  'field.afterClosing': {
    fr: (p) => `La date ne peut pas suivre la fermeture du dossier (${String(p.closedOn)}).`,
    en: (p) => `The date cannot be after the file was closed (${String(p.closedOn)}).`,
  },
  'field.fileClosed': {
    fr: 'Ce dossier est fermé.',
    en: 'This file is closed.',
  },
  'field.fileStatus': {
    fr: (p) => `Opération impossible : le dossier est ${String(p.statusFr)}.`,
    en: (p) => `Not possible: the file is ${String(p.statusEn)}.`,
  },
  'field.beforeLastStatusChange': {
    fr: (p) => `La date ne peut pas précéder le dernier changement d’état du dossier (${String(p.on)}).`,
    en: (p) => `The date cannot be before the file’s last status change (${String(p.on)}).`,
  },
  'field.period': {
    fr: 'Période invalide : donnez exactement une forme — fiscalYear, ou from et to, ou sinceDeployment: true.',
    en: 'Invalid period: give exactly one form — fiscalYear, or from and to, or sinceDeployment: true.',
  },
  'field.fiscalYear': {
    fr: 'Exercice financier invalide : AAAA-AAAA, deux années consécutives (ex. 2020-2021).',
    en: 'Invalid fiscal year: YYYY-YYYY, two consecutive years (e.g. 2020-2021).',
  },
  'field.rangeOrder': {
    fr: 'La fin de l’intervalle précède son début.',
    en: 'The end of the range is before its start.',
  },
  'field.beforeLastInteraction': {
    fr: (p) => `Une intervention est consignée le ${String(p.lastInteractionOn)}, après cette date.`,
    en: (p) => `An interaction is logged on ${String(p.lastInteractionOn)}, after this date.`,
  },
  'field.themes': {
    fr: 'Au moins un volet, sans doublon.',
    en: 'At least one theme, without duplicates.',
  },
  'field.required': { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  'field.maxLength': {
    fr: (p) => `Au plus ${String(p.max)} caractères.`,
    en: (p) => `At most ${String(p.max)} characters.`,
  },
  'field.email': { fr: 'Adresse courriel invalide.', en: 'Invalid email address.' },
  'field.regionCode': {
    fr: 'Code de région invalide : deux chiffres de 01 à 17.',
    en: 'Invalid region code: two digits from 01 to 17.',
  },
  'field.unknownRegion': {
    fr: (p) => `Région inconnue : ${list(p.codes)}.`,
    en: (p) => `Unknown region: ${list(p.codes)}.`,
  },
  'field.unknownDirection': {
    fr: (p) => `Direction régionale inconnue : ${String(p.code)}.`,
    en: (p) => `Unknown regional direction: ${String(p.code)}.`,
  },
  'field.unknownServicePoint': {
    fr: (p) => `Point de services inconnu : ${String(p.id)}.`,
    en: (p) => `Unknown service point: ${String(p.id)}.`,
  },
  'field.managerNeedsDirection': {
    fr: 'Une gestionnaire ou un gestionnaire doit appartenir à une direction régionale.',
    en: 'A manager must belong to a regional direction.',
  },
  'field.advisorNeedsRegions': {
    fr: 'Une conseillère ou un conseiller doit avoir au moins une région assignée.',
    en: 'An advisor must have at least one assigned region.',
  },
  'field.uuid': { fr: 'Identifiant invalide.', en: 'Invalid identifier.' },
  'field.directionCode': {
    fr: 'Code de direction invalide : 2 à 8 lettres majuscules ou chiffres.',
    en: 'Invalid direction code: 2 to 8 capital letters or digits.',
  },
  'field.postalCode': {
    fr: 'Code postal canadien invalide (format A1A 1A1).',
    en: 'Invalid Canadian postal code (format A1A 1A1).',
  },
  'field.intRange': {
    fr: (p) => `Un entier de ${String(p.min)} à ${String(p.max)}.`,
    en: (p) => `An integer from ${String(p.min)} to ${String(p.max)}.`,
  },
  'field.cursor': {
    fr: 'Curseur de pagination invalide : réutilisez un endCursor reçu.',
    en: 'Invalid pagination cursor: reuse an endCursor you received.',
  },
  'field.noChange': {
    fr: 'Indiquez au moins un champ à modifier.',
    en: 'Give at least one field to change.',
  },
  'field.asciiEmail': {
    fr: 'Courriel professionnel en caractères ASCII seulement (ni accent ni caractère semblable à une lettre latine).',
    en: 'Work email in ASCII characters only (no accents, no look-alikes of Latin letters).',
  },
  'field.singleLine': {
    fr: 'Sur une seule ligne : sauts de ligne, tabulations, caractères de contrôle et Unicode mal formé interdits.',
    en: 'On one line: line breaks, tabs, control characters and malformed Unicode are not allowed.',
  },
  'field.controlCharacters': {
    fr: 'Caractères de contrôle ou Unicode mal formé interdits.',
    en: 'Control characters and malformed Unicode are not allowed.',
  },
  'request.malformed': {
    fr: 'Requête illisible : le corps doit être un JSON valide { "query": …, "variables": … }.',
    en: 'Unreadable request: the body must be valid JSON { "query": …, "variables": … }.',
  },
  'request.tooLarge': {
    fr: 'Requête trop volumineuse.',
    en: 'Request too large.',
  },
  'field.invalid': { fr: 'Valeur invalide.', en: 'Invalid value.' },
  // recruitment-needs messages
  'field.nocCode': {
    fr: 'Code CNP 2021 invalide : exactement 5 chiffres.',
    en: 'Invalid NOC 2021 code: exactly 5 digits.',
  },
  'field.nocTeer': {
    fr: 'Code CNP 2021 invalide : le 2e chiffre (catégorie FEER) va de 0 à 5.',
    en: 'Invalid NOC 2021 code: the 2nd digit (TEER) goes from 0 to 5.',
  },
  'field.wage': {
    fr: 'Salaire horaire invalide : un montant de 0 à 9 999,99 $ avec au plus deux décimales.',
    en: 'Invalid hourly wage: an amount from 0 to 9,999.99 with at most two decimals.',
  },
  'field.channels': {
    fr: 'Au moins un bassin de recrutement, sans doublon.',
    en: 'At least one recruitment channel, without duplicates.',
  },
  'field.positionsFilled': {
    fr: (p) => `Postes pourvus : de 0 à ${String(p.positions)} (le nombre de postes).`,
    en: (p) => `Positions filled: from 0 to ${String(p.positions)} (the number of positions).`,
  },
  'field.positionsBelowFilled': {
    fr: (p) => `Le nombre de postes ne peut pas être inférieur aux postes déjà pourvus (${String(p.filled)}).`,
    en: (p) => `Positions cannot be fewer than the positions already filled (${String(p.filled)}).`,
  },
  'field.needTransition': {
    fr: (p) => `Passage impossible de ${String(p.from)} à ${String(p.to)}.`,
    en: (p) => `Cannot move from ${String(p.from)} to ${String(p.to)}.`,
  },
  'field.needFilledMismatch': {
    fr: 'FILLED exige que tous les postes soient pourvus ; PARTIALLY_FILLED, qu’il en reste.',
    en: 'FILLED requires every position filled; PARTIALLY_FILLED, some left.',
  },
  'field.fileOfOtherCompany': {
    fr: 'Ce dossier d’accompagnement n’est pas celui de cette entreprise, ou n’est pas dans vos régions.',
    en: 'This accompaniment file is not this company’s, or not in your regions.',
  },
  // journees-quebec messages
  'conflict.eventParticipation': {
    fr: 'Cette entreprise est déjà inscrite à cet événement Journées Québec.',
    en: 'This company is already registered for this Journées Québec event.',
  },
  'field.unknownEvent': {
    fr: (p) => `Événement Journées Québec introuvable : ${String(p.id)}.`,
    en: (p) => `Unknown Journées Québec event: ${String(p.id)}.`,
  },
  'field.eventEndsBeforeStart': {
    fr: 'L’événement ne peut pas se terminer avant de commencer.',
    en: 'The event cannot end before it starts.',
  },
  'field.deadlineAfterStart': {
    fr: 'La date limite d’inscription ne peut pas suivre le début de l’événement.',
    en: 'The registration deadline cannot be after the event starts.',
  },
  'field.eventStatusMove': {
    fr: (p) => `Un événement ${String(p.fromFr)} ne peut pas passer à l’état ${String(p.toFr)}.`,
    en: (p) => `An event that is ${String(p.fromEn)} cannot become ${String(p.toEn)}.`,
  },
  'field.eventFinal': {
    fr: (p) => `L’événement est ${String(p.statusFr)} : il ne peut plus être modifié.`,
    en: (p) => `The event is ${String(p.statusEn)}: it can no longer be changed.`,
  },
  'field.eventHeldBeforeStart': {
    fr: (p) => `Un événement ne peut être marqué tenu avant de commencer (le ${String(p.startsOn)}).`,
    en: (p) => `An event cannot be marked held before it starts (on ${String(p.startsOn)}).`,
  },
  'field.eventStatus': {
    fr: (p) => `Opération impossible : l’événement est ${String(p.statusFr)}.`,
    en: (p) => `Not possible: the event is ${String(p.statusEn)}.`,
  },
  'field.eventNotOpen': {
    fr: (p) => `Les inscriptions ne sont pas ouvertes : l’événement est ${String(p.statusFr)}.`,
    en: (p) => `Registration is not open: the event is ${String(p.statusEn)}.`,
  },
  'field.registrationDeadlinePassed': {
    fr: (p) => `La date limite d’inscription (${String(p.deadline)}) est passée.`,
    en: (p) => `The registration deadline (${String(p.deadline)}) has passed.`,
  },
  'field.eventNotStarted': {
    fr: (p) => `L’événement n’a pas encore commencé (début le ${String(p.startsOn)}).`,
    en: (p) => `The event has not started yet (it starts on ${String(p.startsOn)}).`,
  },
  'field.needsOfAnotherCompany': {
    fr: (p) => `Besoins de main-d’œuvre introuvables ou d’une autre entreprise : ${list(p.ids)}.`,
    en: (p) => `Recruitment needs not found or of another company: ${list(p.ids)}.`,
  },
  'field.needsClosed': {
    fr: (p) => `Besoins de main-d’œuvre déjà fermés (pourvus ou annulés) : ${list(p.ids)}.`,
    en: (p) => `Recruitment needs already closed (filled or cancelled): ${list(p.ids)}.`,
  },
  'field.participationStatus': {
    fr: (p) => `Opération impossible : la participation est ${String(p.statusFr)}.`,
    en: (p) => `Not possible: the participation is ${String(p.statusEn)}.`,
  },
  'field.outcomeNotAttended': {
    fr: 'Les résultats se consignent seulement pour une entreprise présente à l’événement (ATTENDED).',
    en: 'Outcomes can only be recorded for a company that attended the event (ATTENDED).',
  },
  'field.outcomeExceeds': {
    fr: (p) => `Ne peut pas dépasser ${String(p.limitFr)} (${String(p.limit)}).`,
    en: (p) => `Cannot exceed ${String(p.limitEn)} (${String(p.limit)}).`,
  },
  // portail-referrals messages
  'conflict.openPortailReferral': {
    fr: 'Cette entreprise a déjà un référencement ouvert au Portail employeurs.',
    en: 'This company already has an open Portail employeurs referral.',
  },
  'field.portailReferralFile': {
    fr: (p) => `Le dossier ${String(p.id)} n’est pas un dossier de cette entreprise dans vos régions.`,
    en: (p) => `File ${String(p.id)} is not one of this company’s files in your regions.`,
  },
  'field.portailStepNotForward': {
    fr: (p) => `Les étapes ne font qu’avancer : choisissez une étape après l’étape actuelle (${String(p.stepFr)}).`,
    en: (p) => `Steps only move forward: choose a step after the current one (${String(p.stepEn)}).`,
  },
  'field.portailReferralEnded': {
    fr: (p) => `Ce référencement est terminé (${String(p.stepFr)}) : aucune étape ne peut suivre.`,
    en: (p) => `This referral has ended (${String(p.stepEn)}): no step can follow.`,
  },
  'field.portailStepDate': {
    fr: (p) => `La date ne peut pas précéder celle de l’étape actuelle (${String(p.stepFr)}, ${String(p.date)}).`,
    en: (p) => `The date cannot be before the current step’s (${String(p.stepEn)}, ${String(p.date)}).`,
  },
  // worklist messages
  // abuse-limits messages
  'limit.depth': {
    fr: (p) => `Requête refusée : elle imbrique plus de ${String(p.limit)} niveaux de champs. Scindez-la en requêtes moins profondes.`,
    en: (p) => `Query refused: it nests more than ${String(p.limit)} levels of fields. Split it into shallower queries.`,
  },
  'limit.cost': {
    fr: (p) => `Requête refusée : son coût estimé dépasse ${String(p.limit)}. Demandez moins de champs, des pages plus petites (first) ou scindez-la.`,
    en: (p) => `Query refused: its estimated cost exceeds ${String(p.limit)}. Ask for fewer fields, smaller pages (first) or split it.`,
  },
  'limit.aliases': {
    fr: (p) => `Requête refusée : elle utilise plus de ${String(p.limit)} alias.`,
    en: (p) => `Query refused: it uses more than ${String(p.limit)} aliases.`,
  },
  'limit.directives': {
    fr: (p) => `Requête refusée : elle utilise plus de ${String(p.limit)} directives.`,
    en: (p) => `Query refused: it uses more than ${String(p.limit)} directives.`,
  },
  'limit.tokens': {
    fr: (p) => `Requête refusée : elle compte plus de ${String(p.limit)} éléments (jetons GraphQL).`,
    en: (p) => `Query refused: it has more than ${String(p.limit)} GraphQL tokens.`,
  },
  rateLimited: {
    fr: (p) => `Trop de requêtes : la limite est de ${String(p.limit)} par minute. Réessayez dans ${String(p.seconds)} s.`,
    en: (p) => `Too many requests: the limit is ${String(p.limit)} per minute. Try again in ${String(p.seconds)} s.`,
  },
  // privacy messages
  'privacy.accessNotLogged': {
    fr: 'Lecture refusée : l’accès aux renseignements personnels n’a pas pu être journalisé (Loi 25). Réessayez dans quelques instants.',
    en: 'Read refused: the access to personal information could not be logged (Loi 25). Try again in a moment.',
  },
  // idempotency messages
  'idempotency.keyReused': {
    fr: (p) => `La clé d’idempotence ${String(p.key)} a déjà servi pour une autre requête : utilisez une nouvelle clé.`,
    en: (p) => `Idempotency key ${String(p.key)} was already used for another request: use a new key.`,
  },
  'idempotency.oneMutation': {
    fr: 'Une clé d’idempotence vaut pour une seule mutation : envoyez chaque mutation dans sa propre requête, avec sa clé.',
    en: 'An idempotency key covers one mutation only: send each mutation in its own request, with its own key.',
  },
  'idempotency.notReplayable': {
    fr: (p) => `La mutation ${String(p.field)} ne prend pas de clé d’idempotence : son résultat ne peut pas être relu.`,
    en: (p) => `Mutation ${String(p.field)} takes no idempotency key: its result cannot be read again.`,
  },
  'idempotency.outcomeGone': {
    fr: (p) =>
      `Requête déjà reçue avec la clé d’idempotence ${String(p.key)}, mais son résultat n’existe plus ou ne vous est plus accessible.`,
    en: (p) => `Request already received with idempotency key ${String(p.key)}, but its result no longer exists or is no longer visible to you.`,
  },
  'idempotency.invalidKey': {
    fr: 'En-tête Idempotency-Key invalide : 1 à 200 lettres, chiffres, points, tirets, soulignés ou deux-points.',
    en: 'Invalid Idempotency-Key header: 1 to 200 letters, digits, dots, dashes, underscores or colons.',
  },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof CATALOG;

export interface Label {
  fr: string;
  en: string;
}

/**
 * Names that messages interpolate, in both languages: record types (NOT_FOUND), the states of each state machine
 * (see the features' `*.rules.ts`), figures.
 */
export const LABELS = {
  entity: {
    Accompaniment: { fr: 'Dossier d’accompagnement', en: 'Accompaniment file' },
    Advisor: { fr: 'Conseillère ou conseiller', en: 'Advisor' },
    Company: { fr: 'Entreprise', en: 'Company' },
    CompanyContact: { fr: 'Personne-ressource', en: 'Contact' },
    EventParticipation: { fr: 'Participation à un événement', en: 'Event participation' },
    Interaction: { fr: 'Intervention', en: 'Interaction' },
    JourneesQuebecEvent: { fr: 'Événement Journées Québec', en: 'Journées Québec event' },
    PortailReferral: { fr: 'Référencement au Portail employeurs', en: 'Portail employeurs referral' },
    RecruitmentNeed: { fr: 'Besoin de main-d’œuvre', en: 'Recruitment need' },
    Region: { fr: 'Région', en: 'Region' },
    RegionalDirection: { fr: 'Direction régionale', en: 'Regional direction' },
    ServicePoint: { fr: 'Point de services', en: 'Service point' },
  },
  accompanimentStatus: {
    OPEN: { fr: 'ouvert', en: 'open' },
    ON_HOLD: { fr: 'en suspens', en: 'on hold' },
    CLOSED: { fr: 'fermé', en: 'closed' },
  },
  needStatus: {
    OPEN: { fr: 'ouvert', en: 'open' },
    IN_PROGRESS: { fr: 'en cours', en: 'in progress' },
    FILLED: { fr: 'pourvu', en: 'filled' },
    PARTIALLY_FILLED: { fr: 'partiellement pourvu', en: 'partially filled' },
    CANCELLED: { fr: 'annulé', en: 'cancelled' },
  },
  eventStatus: {
    PLANNED: { fr: 'planifié', en: 'planned' },
    REGISTRATION_OPEN: { fr: 'ouvert aux inscriptions', en: 'open for registration' },
    HELD: { fr: 'tenu', en: 'held' },
    CANCELLED: { fr: 'annulé', en: 'cancelled' },
  },
  participationStatus: {
    REGISTERED: { fr: 'inscrite', en: 'registered' },
    CONFIRMED: { fr: 'confirmée', en: 'confirmed' },
    ATTENDED: { fr: 'présente à l’événement', en: 'attended' },
    WITHDRAWN: { fr: 'désistée', en: 'withdrawn' },
  },
  portailStep: {
    REFERRED: { fr: 'référée au Portail', en: 'referred to the portal' },
    ACCOUNT_CREATED: { fr: 'compte créé', en: 'account created' },
    OFFER_POSTED: { fr: 'offre publiée', en: 'offer posted' },
    CANDIDATES_RECEIVED: { fr: 'candidatures reçues', en: 'candidates received' },
    HIRED: { fr: 'embauche', en: 'hired' },
    DECLINED: { fr: 'refusée par l’entreprise', en: 'declined' },
    ABANDONED: { fr: 'abandonnée', en: 'abandoned' },
  },
  eventOutcome: {
    candidatesMet: { fr: 'le nombre de candidats rencontrés', en: 'the number of candidates met' },
    interviewsHeld: { fr: 'le nombre d’entrevues', en: 'the number of interviews held' },
    offersMade: { fr: 'le nombre de promesses d’embauche', en: 'the number of offers made' },
    hires: { fr: 'le nombre d’embauches', en: 'the number of hires' },
  },
} satisfies Record<string, Record<string, Label>>;

export type EntityName = keyof typeof LABELS.entity;

/** A label as the parameters `<name>Fr` and `<name>En` of a message. */
export function labelParams(name: string, label: Label): Record<string, string> {
  return { [`${name}Fr`]: label.fr, [`${name}En`]: label.en };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOG, key);
}

export function translate(key: MessageKey, locale: Locale, params: Params = {}): string {
  const text: Text = CATALOG[key][locale];
  return typeof text === 'function' ? text(params) : text;
}
