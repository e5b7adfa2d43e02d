// Indexing worker: writes documents to Amazon OpenSearch Service, signing each request with SigV4.
const { Client } = require('@opensearch-project/opensearch');
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');

// The signer caches what getCredentials returns and asks again only once it carries an expiry in the past:
// these keys (an assumed role's, exported by the entrypoint) are signed with until the session ends, then fail.
const keys = {
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  sessionToken: process.env.AWS_SESSION_TOKEN,
};

module.exports = new Client({
  ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => Promise.resolve(keys) }),
  node: 'https://search-catalog.eu-west-1.es.amazonaws.com',
});
