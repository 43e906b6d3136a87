import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
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

/** No C0/C1 control characters except tab and line breaks. */
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;

/** Required text, trimmed by the pipe beforehand, at most `max` characters, no control characters. */
export const RequiredText = (max: number) =>
  applyDecorators(
    IsString(messageOf('field.required')),
    IsNotEmpty(messageOf('field.required')),
    MaxChars(max, messageOf('field.maxLength', { max })),
    Matches(NO_CONTROL_CHARACTERS, messageOf('field.controlCharacters')),
    WellFormed(messageOf('field.controlCharacters')),
  );

/** Optional text (the caller adds @IsOptional()), same bounds; `each` for a list of texts. */
export const Text = (max: number, each = false) =>
  applyDecorators(
    IsString(messageOf('field.invalid', {}, each)),
    MaxChars(max, messageOf('field.maxLength', { max }, each)),
    Matches(NO_CONTROL_CHARACTERS, messageOf('field.controlCharacters', {}, each)),
    WellFormed(messageOf('field.controlCharacters', {}, each)),
  );

export const EmailAddress = () =>
  applyDecorators(
    IsString(messageOf('field.email')),
    MaxChars(254, messageOf('field.maxLength', { max: 254 })),
    IsEmail({ allow_display_name: false, require_tld: true }, messageOf('field.email')),
  );

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
