/** An input the importer will not turn into a document; the CLI prints the message and exits with code 2. */
export class ImportRefusal extends Error {
  override name = 'ImportRefusal';
}
