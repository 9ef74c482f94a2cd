// Reading DfE's "Get Information about Schools" (GIAS) establishment download: its column headers
// exactly as GIAS writes them, each row as a setting (category, need areas, ages, places), and a
// row-level list of problems. Nothing here writes: import.ts checks the whole file first.
import type { SettingCategory } from '@lip/db';
import { FileProblem, readCsv, type ImportRowError } from '../metrics/import.ts';

/**
 * Every column of the GIAS "all establishment data" download (edubasealldata<date>.csv), in its
 * order. A custom extract from GIAS has some of them; a column not named here is refused, so a
 * file from elsewhere (or a header a spreadsheet changed) is not taken for a GIAS file.
 */
export const GIAS_COLUMNS: readonly string[] = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'TypeOfEstablishment (code)',
  'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (code)',
  'EstablishmentTypeGroup (name)',
  'EstablishmentStatus (code)',
  'EstablishmentStatus (name)',
  'ReasonEstablishmentOpened (code)',
  'ReasonEstablishmentOpened (name)',
  'OpenDate',
  'ReasonEstablishmentClosed (code)',
  'ReasonEstablishmentClosed (name)',
  'CloseDate',
  'PhaseOfEducation (code)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'Boarders (code)',
  'Boarders (name)',
  'NurseryProvision (name)',
  'OfficialSixthForm (code)',
  'OfficialSixthForm (name)',
  'Gender (code)',
  'Gender (name)',
  'ReligiousCharacter (code)',
  'ReligiousCharacter (name)',
  'ReligiousEthos (name)',
  'Diocese (code)',
  'Diocese (name)',
  'AdmissionsPolicy (code)',
  'AdmissionsPolicy (name)',
  'SchoolCapacity',
  'SpecialClasses (code)',
  'SpecialClasses (name)',
  'CensusDate',
  'NumberOfPupils',
  'NumberOfBoys',
  'NumberOfGirls',
  'PercentageFSM',
  'TrustSchoolFlag (code)',
  'TrustSchoolFlag (name)',
  'Trusts (code)',
  'Trusts (name)',
  'SchoolSponsorFlag (name)',
  'SchoolSponsors (name)',
  'FederationFlag (name)',
  'Federations (code)',
  'Federations (name)',
  'UKPRN',
  'FEHEIdentifier',
  'FurtherEducationType (name)',
  'OfstedLastInsp',
  'OfstedSpecialMeasures (code)',
  'OfstedSpecialMeasures (name)',
  'LastChangedDate',
  'Street',
  'Locality',
  'Address3',
  'Town',
  'County (name)',
  'Postcode',
  'SchoolWebsite',
  'TelephoneNum',
  'HeadTitle (name)',
  'HeadFirstName',
  'HeadLastName',
  'HeadPreferredJobTitle',
  'BSOInspectorateName (name)',
  'InspectorateReport',
  'DateOfLastInspectionVisit',
  'NextInspectionVisit',
  'TeenMoth (name)',
  'TeenMothPlaces',
  'CCF (name)',
  'SENPRU (name)',
  'EBD (name)',
  'PlacesPRU',
  'FTProv (name)',
  'EdByOther (name)',
  'Section41Approved (name)',
  ...Array.from({ length: 13 }, (_, i) => `SEN${i + 1} (name)`),
  'TypeOfResourcedProvision (name)',
  'ResourcedProvisionOnRoll',
  'ResourcedProvisionCapacity',
  'SenUnitOnRoll',
  'SenUnitCapacity',
  'GOR (code)',
  'GOR (name)',
  'DistrictAdministrative (code)',
  'DistrictAdministrative (name)',
  'AdministrativeWard (code)',
  'AdministrativeWard (name)',
  'ParliamentaryConstituency (code)',
  'ParliamentaryConstituency (name)',
  'UrbanRural (code)',
  'UrbanRural (name)',
  'GSSLACode (name)',
  'Easting',
  'Northing',
  'CensusAreaStatisticWard (name)',
  'MSOA (name)',
  'LSOA (name)',
  'InspectorateName (name)',
  'SENStat',
  'SENNoStat',
  'BoardingEstablishment (name)',
  'PropsName',
  'PreviousLA (code)',
  'PreviousLA (name)',
  'PreviousEstablishmentNumber',
  'OfstedRating (name)',
  'RSCRegion (name)',
  'Country (name)',
  'UPRN',
  'SiteName',
  'QABName (code)',
  'QABName (name)',
  'EstablishmentAccredited (code)',
  'EstablishmentAccredited (name)',
  'QABReport',
  'CHNumber',
  'MSOA (code)',
  'LSOA (code)',
];

/** Columns a settings import cannot do without. */
export const GIAS_REQUIRED: readonly string[] = [
  'URN',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (name)',
  'LA (code)',
];

const KNOWN = new Set(GIAS_COLUMNS);
const SEN_COLUMNS = Array.from({ length: 13 }, (_, i) => `SEN${i + 1} (name)`);

/** One establishment of the file as a setting. */
export interface GiasSetting {
  /** The row number as in the file (1 is the header). */
  row: number;
  urn: string;
  name: string;
  establishmentType: string;
  phase: string | null;
  laCode: string | null;
  /** "GSSLACode (name)": the local authority's ONS code, when the file has the column. */
  gssLaCode: string | null;
  postcode: string | null;
  status: string;
  category: SettingCategory;
  needAreas: string[];
  ageLow: number | null;
  ageHigh: number | null;
  places: number | null;
  openedOn: Date | null;
  closedOn: Date | null;
  /** The whole row by column name, for plugins that read their fields from GIAS (`fromGias`). */
  values: Readonly<Record<string, string>>;
}

export interface GiasFile {
  columns: string[];
  settings: GiasSetting[];
  errors: ImportRowError[];
  totalRows: number;
}

/** GIAS's SEN provision names start with a code ("ASD - Autistic Spectrum Disorder"): its broad area of need. */
const NEED_OF_CODE: Record<string, string> = {
  SLCN: 'CI',
  ASD: 'CI',
  SPLD: 'CL',
  MLD: 'CL',
  SLD: 'CL',
  PMLD: 'CL',
  SEMH: 'SEMH',
  BESD: 'SEMH',
  HI: 'SP',
  VI: 'SP',
  MSI: 'SP',
  PD: 'SP',
};
const NEED_ORDER = ['CI', 'CL', 'SEMH', 'SP'];

export function needAreasOf(provision: readonly string[]): string[] {
  const areas = new Set<string>();
  for (const name of provision) {
    const code =
      name
        .split(/\s+-\s+/)[0]
        ?.trim()
        .toUpperCase() ?? '';
    const area = NEED_OF_CODE[code];
    if (area) areas.add(area);
  }
  return NEED_ORDER.filter((a) => areas.has(a));
}

const RESOURCED = /resourced provision|sen unit/i;

/**
 * The category from GIAS's type of establishment and its resourced provision: pupil referral units
 * and AP academies are AP; independent special and non-maintained special schools are independent
 * special; other special schools (maintained, academies, free schools, special post-16) are special;
 * any other school is mainstream, with resourced provision or an SEN unit when GIAS records one.
 */
export function categoryOf(
  type: string,
  resourcedProvision: string | null,
  capacities: readonly (number | null)[],
): SettingCategory {
  const t = type.toLowerCase();
  if (t.includes('pupil referral unit') || t.includes('alternative provision'))
    return 'ALTERNATIVE_PROVISION';
  if (t.includes('independent special') || t.includes('non-maintained special'))
    return 'INDEPENDENT_SPECIAL';
  if (t.includes('special')) return 'SPECIAL';
  if ((resourcedProvision && RESOURCED.test(resourcedProvision)) || capacities.some((c) => !!c))
    return 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT';
  return 'MAINSTREAM';
}

const WHOLE = /^\d+$/;
/** GIAS writes dates as DD-MM-YYYY (some extracts DD/MM/YYYY). */
const GIAS_DATE = /^(\d{2})[-/](\d{2})[-/](\d{4})$/;

function dateOf(text: string): Date | null | 'bad' {
  if (text === '') return null;
  const dmy = GIAS_DATE.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = dmy ? [dmy[1], dmy[2], dmy[3]] : ymd ? [ymd[3], ymd[2], ymd[1]] : null;
  if (!parts) return 'bad';
  const [day, month, year] = parts;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1
    ? date
    : 'bad';
}

/** Reads the file and checks every row; the errors name the row and column as in the file. */
export async function readGiasFile(bytes: Uint8Array): Promise<GiasFile> {
  const errors: ImportRowError[] = [];
  const settings: GiasSetting[] = [];
  let columns: string[] = [];
  let totalRows = 0;
  const firstRowOf = new Map<string, number>();
  try {
    for await (const { row, values } of readCsv(bytes)) {
      if (columns.length === 0) {
        columns = values.map((v) => v.trim());
        for (const column of columns)
          if (column !== '' && !KNOWN.has(column))
            errors.push({
              row,
              column,
              message: `"${column}" is not a column of the Get Information about Schools download: download the establishment file from GIAS and upload it unchanged`,
            });
        for (const column of GIAS_REQUIRED)
          if (!columns.includes(column))
            errors.push({ row, column, message: `The file has no "${column}" column` });
        const seen = new Set<string>();
        for (const column of columns) {
          if (column !== '' && seen.has(column))
            errors.push({ row, column, message: `The "${column}" column is in the file twice` });
          seen.add(column);
        }
        if (errors.length) return { columns, settings, errors, totalRows };
        continue;
      }
      totalRows++;
      const record: Record<string, string> = {};
      columns.forEach((column, i) => (record[column] = (values[i] ?? '').trim()));
      const get = (column: string) => record[column] ?? '';
      const problem = (column: string | null, message: string) =>
        errors.push({ row, column, message });
      const whole = (column: string, what: string): number | null => {
        const text = get(column);
        if (text === '') return null;
        if (!WHOLE.test(text) || Number(text) > 1_000_000) {
          problem(column, `${what} must be a whole number, like 120: "${text}" is not`);
          return null;
        }
        return Number(text);
      };

      const urn = get('URN');
      if (!WHOLE.test(urn)) {
        problem('URN', urn === '' ? 'Enter the URN' : `URN "${urn}" must be a number, like 100000`);
      } else {
        const first = firstRowOf.get(urn);
        if (first !== undefined)
          problem('URN', `URN ${urn} is also on row ${first}: each establishment once`);
        else firstRowOf.set(urn, row);
      }
      const name = get('EstablishmentName');
      if (name === '') problem('EstablishmentName', 'Enter the establishment name');
      else if (name.length > 200)
        problem('EstablishmentName', 'The name must be 200 characters or fewer');
      const type = get('TypeOfEstablishment (name)');
      if (type === '') problem('TypeOfEstablishment (name)', 'Enter the type of establishment');
      const status = get('EstablishmentStatus (name)');
      if (status === '') problem('EstablishmentStatus (name)', 'Enter the establishment status');
      const ageLow = whole('StatutoryLowAge', 'The lowest age');
      const ageHigh = whole('StatutoryHighAge', 'The highest age');
      if (ageLow !== null && ageHigh !== null && ageLow > ageHigh)
        problem(
          'StatutoryHighAge',
          'The highest age must be the same as or more than the lowest age',
        );
      const schoolCapacity = whole('SchoolCapacity', 'School capacity');
      const rpCapacity = whole('ResourcedProvisionCapacity', 'Resourced provision capacity');
      const unitCapacity = whole('SenUnitCapacity', 'SEN unit capacity');
      whole('ResourcedProvisionOnRoll', 'Pupils on roll in resourced provision');
      whole('SenUnitOnRoll', 'Pupils on roll in the SEN unit');
      const opened = dateOf(get('OpenDate'));
      if (opened === 'bad')
        problem('OpenDate', 'The open date must be a real date, like 01-09-2020');
      const closed = dateOf(get('CloseDate'));
      if (closed === 'bad')
        problem('CloseDate', 'The close date must be a real date, like 31-08-2025');

      const resourced = get('TypeOfResourcedProvision (name)') || null;
      const category = categoryOf(type, resourced, [rpCapacity, unitCapacity]);
      const places =
        category === 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT' &&
        (rpCapacity !== null || unitCapacity !== null)
          ? (rpCapacity ?? 0) + (unitCapacity ?? 0)
          : schoolCapacity;
      settings.push({
        row,
        urn,
        name,
        establishmentType: type,
        phase: get('PhaseOfEducation (name)') || null,
        laCode: get('LA (code)') || null,
        gssLaCode: get('GSSLACode (name)') || null,
        postcode: get('Postcode').toUpperCase() || null,
        status,
        category,
        needAreas: needAreasOf(SEN_COLUMNS.map(get).filter((v) => v !== '')),
        ageLow,
        ageHigh,
        places,
        openedOn: opened === 'bad' ? null : opened,
        closedOn: closed === 'bad' ? null : closed,
        values: record,
      });
    }
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    errors.push(error.rowError);
  }
  if (columns.length === 0 && errors.length === 0)
    errors.push({ row: 0, column: null, message: 'The selected file is empty' });
  return { columns, settings, errors, totalRows };
}

/** A status GIAS gives a closed establishment. */
export function isClosedStatus(status: string): boolean {
  return /^closed$/i.test(status.trim());
}
