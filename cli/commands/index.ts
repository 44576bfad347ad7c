/**
 * The table of commands. A command is one module in this folder; add it here and give it its
 * help text in cli/strings.ts (both languages).
 */
import type { Command } from '../command';
import { formSchema } from './form-schema';
import { formValidate } from './form-validate';
import { optimizeCommand } from './optimize';
import { score } from './score';
import { verify } from './verify';
import { diffCommand } from './diff';
import { profileCommand, profileNewCommand, profileSignCommand, profileVerifyCommand } from './profile';
import { revalidationCommand } from './revalidation';
import { formDiff } from './form-diff';
import { formFromXlsx, formToXlsx } from './form-xlsx';
import { vcCommand } from './vc';
import { dossierCommand } from './dossier';
import { formAdd, formList, formSign } from './form-methods';
import { TRUST_COMMANDS } from './trust';
import { KEY_STATEMENT_COMMANDS } from './key-statements';

export const COMMANDS: readonly Command[] = [formValidate, formSchema, score, optimizeCommand, verify, diffCommand, profileCommand, profileNewCommand, profileSignCommand, profileVerifyCommand, revalidationCommand, formDiff, formToXlsx, formFromXlsx, formSign, formAdd, formList, vcCommand, dossierCommand, ...TRUST_COMMANDS, ...KEY_STATEMENT_COMMANDS];
