// The one helper of web-platform-tests' common/utils.js that the page uses: a random token.
function token() {
  return crypto.randomUUID();
}
