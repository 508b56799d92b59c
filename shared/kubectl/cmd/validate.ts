// --validate (cmdutil.AddValidateFlags, GetValidationDirective): the
// fieldValidation that kubectl create, apply and replace send with each write.
// The server does the validating; without the flag kubectl asks for Strict.

import type { FieldValidation, WriteOptions } from "../../sim/apiserver/types.ts";
import { plainError, type KubectlError } from "../errors.ts";
import { flagString, type FlagSpec, type ParsedFlags } from "../flags.ts";
import { writeOptions, type DryRun } from "./dry-run.ts";

/** A bare --validate means strict. */
export const VALIDATE: FlagSpec = { name: "validate", type: "string", noOptDefVal: "strict" };

/** The spellings strconv.ParseBool accepts. */
const TRUE = ["1", "t", "T", "TRUE", "true", "True"];
const FALSE = ["0", "f", "F", "FALSE", "false", "False"];

/** GetValidationDirective: strict (or true), warn, ignore (or false). */
export function validationDirective(flags: ParsedFlags): FieldValidation | KubectlError {
  const v = flagString(flags, "validate", "strict");
  if (TRUE.includes(v) || v === "strict") return "Strict";
  if (FALSE.includes(v) || v === "ignore") return "Ignore";
  if (v === "warn") return "Warn";
  return plainError(`invalid - validate option ${JSON.stringify(v)}; must be one of: strict (or true), warn, ignore (or false)`);
}

/**
 * The options of a write from a command with --validate: its dry run and
 * fieldValidation. The flag was checked when the command completed; like
 * GetValidationDirective, a bad value would mean Strict.
 */
export function validatedWriteOptions(flags: ParsedFlags, dry: DryRun): WriteOptions {
  const fieldValidation = validationDirective(flags);
  return { ...writeOptions(dry), fieldValidation: typeof fieldValidation === "string" ? fieldValidation : "Strict" };
}
