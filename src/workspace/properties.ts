/** Values the app keeps in document properties (they travel with the spreadsheet, also as an add-on). */

const SALT_KEY = 'participant.salt';

/** The secret salt of pseudonymous participant ids, made once; it must never change. */
export function participantSalt(): string {
  const properties = PropertiesService.getDocumentProperties();
  let salt = properties.getProperty(SALT_KEY);
  if (!salt) {
    salt = Utilities.getUuid();
    properties.setProperty(SALT_KEY, salt);
  }
  return salt;
}
