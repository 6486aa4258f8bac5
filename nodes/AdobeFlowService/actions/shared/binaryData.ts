/**
 * Files an output item carries as n8n binary data. An operation returns plain JSON items; it hands
 * the files of an item here, and the router puts them on that item's `binary`.
 */
import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

const files = new WeakMap<IDataObject, IBinaryKeyData>();

/** Puts these files (by binary property name) on the output item whose JSON is `json`. */
export function attachBinary(json: IDataObject, binary: IBinaryKeyData): IDataObject {
	files.set(json, { ...files.get(json), ...binary });
	return json;
}

/** `{ binary }` for an output item with files, else nothing. */
export function binaryOf(json: IDataObject): { binary?: IBinaryKeyData } {
	const binary = files.get(json);
	return binary ? { binary } : {};
}
