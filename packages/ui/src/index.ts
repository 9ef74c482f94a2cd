export { cx, describedBy } from './cx.ts';
export { bindFields, type BoundFields } from './bind-fields.ts';
export { Button, ButtonGroup, type ButtonProps, type ButtonVariant } from './Button.tsx';
export {
  Checkboxes,
  Radios,
  choiceId,
  type CheckboxesProps,
  type ChoiceItem,
  type RadiosProps,
} from './Choices.tsx';
export { DateInput, type DateInputProps, type DateParts } from './DateInput.tsx';
export { ErrorMessage, type ErrorMessageProps } from './ErrorMessage.tsx';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './ErrorSummary.tsx';
export { Fieldset, type FieldsetProps } from './Fieldset.tsx';
export { FormGroup } from './FormGroup.tsx';
export { Hint } from './Hint.tsx';
export { Input, type InputProps } from './Input.tsx';
export { Label, type LabelProps } from './Label.tsx';
export { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';
export { FormActions, FormPage, type FormActionsProps, type FormPageProps } from './FormPage.tsx';
export {
  Footer,
  Header,
  PhaseBanner,
  type FooterLink,
  type HeaderNavigationItem,
  type HeaderProps,
} from './Layout.tsx';
export { BackLink, Breadcrumbs, SkipLink, type BreadcrumbItem } from './Navigation.tsx';
export { Pagination, pageItems, type PaginationProps } from './Pagination.tsx';
export { NotificationBanner, type NotificationBannerProps } from './NotificationBanner.tsx';
export { Select, type SelectOption, type SelectProps } from './Select.tsx';
export { SummaryList, type SummaryListAction, type SummaryListRow } from './SummaryList.tsx';
export { Table, TableRegion, numericCell, type TableCell, type TableProps } from './Table.tsx';
export { Tag, type TagColour } from './Tag.tsx';
export { TaskList, type TaskListItem } from './TaskList.tsx';
export { Textarea, type TextareaProps } from './Textarea.tsx';
export { InsetText, WarningText } from './WarningText.tsx';
export {
  definePluginUi,
  defineSectionUi,
  formText,
  type AnySectionUi,
  type FieldErrors,
  type FormValues,
  type PluginUi,
  type SectionBase,
  type SectionField,
  type SectionGroup,
  type SectionSummaryRow,
  type SectionUi,
} from './plugin.ts';
