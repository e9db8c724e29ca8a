/**
 * Everything needed for data from outside the bundle (fetching, JSON, the
 * editor's table, the validator), as one chunk that a page loads only when a
 * widget has such data, with what keeps the page still when that data
 * arrives in view.
 */
export { datasetFromJson, fetchDataset } from './loaders.js';
export { readTable, strayDataMessage } from './table-reader.js';
export { HeldRoom } from './held-room.js';
