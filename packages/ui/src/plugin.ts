/**
 * The contract of a plugin's `./ui` entry point, as the web app consumes it. Core-agnostic on
 * purpose: it speaks only GraphQL document strings, form data and React components, so a plugin's
 * UI never imports server code and the app never names a plugin.
 *
 * Conventions:
 * - `query` takes the variable `$planId: ID!` and selects `plan(id: $planId) { section(key: "<key>") { version … } }`.
 * - `mutation` takes `$input` and aliases its field as `result`, selecting at least
 *   `__typename`, `... on Error { message }`, `... on ValidationError { fieldErrors { path message } }`
 *   and `... on SectionConflictError { current { <the same selection as query> } }`.
 * - The Editor renders one input per field with `id` and `name` equal to the field name (so the
 *   app's error summary links to `#<name>`), and no <form> and no button: the app owns those.
 */
import type { ComponentType, ReactNode } from 'react';

/** Messages keyed by input field name (from `ValidationError.fieldErrors[].path[0]`). */
export type FieldErrors = Readonly<Record<string, string>>;
/** Flat form values keyed by input field name. */
export type FormValues = Readonly<Record<string, string>>;

export interface SectionField {
  name: string;
  label: string;
}

/**
 * A group of a section's fields that is shown and changed together (a "change" page of its own):
 * its `fields` are top-level form names; their nested inputs are named "<field>.<sub>".
 */
export interface SectionGroup {
  /** In the change page's address: /plans/:planId/sections/:sectionKey/change/<key>. */
  key: string;
  /** The summary card's heading and the change page's heading. */
  title: string;
  fields: readonly string[];
}

/** One row of a group's summary ("check your answers"). */
export interface SectionSummaryRow {
  key: ReactNode;
  value: ReactNode;
}

/** The minimum every plugin section selection carries. */
export interface SectionBase {
  version: number;
}

export interface SectionUi<TSection extends SectionBase> {
  query: string;
  mutation: string;
  /** The editable fields, in order (labels for error summaries and the conflict comparison). */
  fields: readonly SectionField[];
  /** The saved values of a section as form values. */
  toValues(section: TSection): FormValues;
  /**
   * The submitted form as the mutation's variables. With `baseline` (the form values it was
   * rendered with) only the fields that differ are sent, with what they were as the merge's base.
   */
  toVariables(
    formData: FormData,
    ctx: { planId: string; version: number; baseline?: FormValues | null },
  ): { input: Record<string, unknown> };
  /** Read-only view of the section's own data. */
  Summary: ComponentType<{ section: TSection }>;
  /** The editable fields (no <form>, no button); with `group`, only that group's fields. */
  Editor: ComponentType<{ values: FormValues; errors: FieldErrors; group?: string }>;
  /**
   * The section's field groups, in order. Without them the app shows the whole `Summary` and
   * changes every field on one page ("Section details").
   */
  groups?: readonly SectionGroup[];
  /** The saved values of one group as summary rows (required with `groups`). */
  groupRows?(section: TSection, group: string): SectionSummaryRow[];
}

// The section type is private to each plugin; the app only passes values between a plugin's own
// functions, so it can treat every section type alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySectionUi = SectionUi<any>;

export interface PluginUi {
  /** The plugin's id, as `Section.pluginId` names it. */
  pluginId: string;
  /** Section UIs by section key. */
  sections: Readonly<Record<string, AnySectionUi>>;
}

export function defineSectionUi<TSection extends SectionBase>(
  ui: SectionUi<TSection>,
): SectionUi<TSection> {
  return ui;
}

export function definePluginUi(ui: PluginUi): PluginUi {
  return ui;
}

/** Reads a text field of a form, trimmed; `null` when blank. */
export function formText(formData: FormData, name: string): string | null {
  const value = formData.get(name);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
