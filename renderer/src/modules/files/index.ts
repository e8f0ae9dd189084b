// Public entry of the files module's screens: the "Anhänge" panel of a record's page, for the composition root only.
export { FilesPanel } from './files-panel'
