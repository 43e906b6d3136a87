import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { isCleanMultilineText, isSingleLine } from '../../common/single-line.js';
import type { MessageKey } from '../../i18n/messages.js';

/**
 * class-validator rules whose messages are catalogue keys (not English text): the validation pipe turns them
 * into BAD_USER_INPUT field problems, and the error filter into the caller's language.
 */
export function messageOf(key: MessageKey, params: Record<string, unknown> = {}, each = false): ValidationOptions {
  return { message: encodeProblem(key, params), each };
}

const PREFIX = 'crm-problem:';

export function encodeProblem(key: MessageKey, params: Record<string, unknown>): string {
  return PREFIX + JSON.stringify({ key, params });
}

export function decodeProblem(text: string): { key: MessageKey; params: Record<string, unknown> } | null {
  if (!text.startsWith(PREFIX)) return null;
  return JSON.parse(text.slice(PREFIX.length)) as { key: MessageKey; params: Record<string, unknown> };
}

/**
 * The `version` a client read (EntityRepository.forUpdate): `Int!` on edits; an optional `Int` on state changes,
 * where null means "not given" (the transition table checks the state).
 */
export function ReadVersion(options: { optional?: boolean } = {}): PropertyDecorator {
  const description = options.optional
    ? 'Version lue, facultative (null : non fournie) ; une version périmée est refusée (CONFLICT)'
    : 'Version lue ; une version périmée est refusée (CONFLICT)';
  const field = Field(() => Int, { nullable: options.optional === true, description });
  return applyDecorators(field, ...(options.optional ? [IsOptional()] : []), IsInt(messageOf('field.invalid')));
}

/**
 * At most `max` characters as PostgreSQL counts them (code points). class-validator's MaxLength does not count
 * variation selectors (U+FE0F), so a value it accepts could overflow a varchar column.
 */
export const MaxChars = (max: number, options: ValidationOptions) =>
  ValidateBy(
    {
      name: 'maxChars',
      constraints: [max],
      validator: { validate: (value: unknown) => typeof value !== 'string' || [...value].length <= max },
    },
    options,
  );

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed Unicode only: a lone surrogate would be stored as U+FFFD, i.e. silently changed. */
export const WellFormed = (options: ValidationOptions) =>
  ValidateBy(
    {
      name: 'wellFormed',
      validator: { validate: (value: unknown) => typeof value !== 'string' || !LONE_SURROGATE.test(value) },
    },
    options,
  );

/** One line: no control character (tab and line breaks included), no line separator (src/common/single-line.ts). */
export const SingleLine = (options: ValidationOptions) =>
  ValidateBy({ name: 'singleLine', validator: { validate: (value: unknown) => typeof value !== 'string' || isSingleLine(value) } }, options);

/** Line breaks and tabs allowed, no other control character. */
const CleanMultiline = (options: ValidationOptions) =>
  ValidateBy(
    { name: 'cleanMultiline', validator: { validate: (value: unknown) => typeof value !== 'string' || isCleanMultilineText(value) } },
    options,
  );

/**
 * Required single-line text (names, titles, codes…), trimmed by the pipe beforehand, at most `max` characters, no
 * control character nor line break.
 */
export const RequiredText = (max: number) =>
  applyDecorators(
    IsString(messageOf('field.required')),
    IsNotEmpty(messageOf('field.required')),
    MaxChars(max, messageOf('field.maxLength', { max })),
    SingleLine(messageOf('field.singleLine')),
    WellFormed(messageOf('field.controlCharacters')),
  );

/** Optional single-line text (the caller adds @IsOptional()), same bounds; `each` for a list of texts. */
export const Text = (max: number, each = false) =>
  applyDecorators(
    IsString(messageOf('field.invalid', {}, each)),
    MaxChars(max, messageOf('field.maxLength', { max }, each)),
    SingleLine(messageOf('field.singleLine', {}, each)),
    WellFormed(messageOf('field.controlCharacters', {}, each)),
  );

/** Required text that may hold line breaks and tabs (an interaction's summary), at most `max` characters. */
export const RequiredMultilineText = (max: number) =>
  applyDecorators(
    IsString(messageOf('field.required')),
    IsNotEmpty(messageOf('field.required')),
    MaxChars(max, messageOf('field.maxLength', { max })),
    CleanMultiline(messageOf('field.controlCharacters')),
    WellFormed(messageOf('field.controlCharacters')),
  );

/** Optional text that may hold line breaks and tabs (a street address on several lines). */
export const MultilineText = (max: number) =>
  applyDecorators(
    IsString(messageOf('field.invalid')),
    MaxChars(max, messageOf('field.maxLength', { max })),
    CleanMultiline(messageOf('field.controlCharacters')),
    WellFormed(messageOf('field.controlCharacters')),
  );

export const EmailAddress = () =>
  applyDecorators(
    IsString(messageOf('field.email')),
    MaxChars(254, messageOf('field.maxLength', { max: 254 })),
    IsEmail({ allow_display_name: false, require_tld: true }, messageOf('field.email')),
  );

/**
 * An advisor's address, which identifies who signs in: printable ASCII only. Look-alike letters (the Kelvin sign
 * `\u212A`, Cyrillic `а`…) cannot stand for their ASCII twins, and ASCII case folding (src/common/email-address.ts)
 * is all the comparison needs.
 */
export const AsciiEmailAddress = () =>
  applyDecorators(EmailAddress(), Matches(/^[\x21-\x7E]+$/, messageOf('field.asciiEmail')));

export const RegionCode = () => Matches(/^(0[1-9]|1[0-7])$/, messageOf('field.regionCode'));

export const RegionCodes = (min = 0) =>
  applyDecorators(
    ArrayMinSize(min, messageOf('field.advisorNeedsRegions')),
    ArrayMaxSize(17, messageOf('field.invalid')),
    Matches(/^(0[1-9]|1[0-7])$/, messageOf('field.regionCode', {}, true)),
  );

export const Uuid = () => IsUUID('all', messageOf('field.uuid'));

export const IntRange = (min: number, max: number) =>
  applyDecorators(
    IsInt(messageOf('field.intRange', { min, max })),
    Min(min, messageOf('field.intRange', { min, max })),
    Max(max, messageOf('field.intRange', { min, max })),
  );
