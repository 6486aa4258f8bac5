/** What the node's editor asks it for, by kind: searchable lists, options, fields and a credential test. */
import { getAuthSpecFields, getAuthSpecNames } from './authSpec';
import { testDatabaseLogin } from './credentialTest';
import * as searches from './listSearch';

/** A plain object, as n8n's own nodes give it (not a module namespace). */
export const listSearch = { ...searches };
export const loadOptions = { getAuthSpecNames };
export const resourceMapping = { getAuthSpecFields };
export const credentialTest = { testDatabaseLogin };
