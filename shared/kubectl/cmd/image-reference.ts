// Container image references as github.com/distribution/reference parses
// them (ReferenceRegexp, the check kubectl run makes before it builds a pod):
// [domain[:port]/]path[:tag][@digest], path components lower-case only.

const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const domainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const optionalPort = "(?::[0-9]+)?";
const tag = "[\\w][\\w.-]{0,127}";
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}";
const ipv6address = "\\[(?:[a-fA-F0-9:]+)\\]";
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const domainAndPort = `(?:${domainName}|${ipv6address})${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const name = `(?:${domainAndPort}/)?${remoteName}`;

const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

/** reference.ErrReferenceInvalidFormat's text. */
export const REFERENCE_INVALID_FORMAT = "invalid reference format";

export function isValidImageReference(image: string): boolean {
  return REFERENCE.test(image);
}
