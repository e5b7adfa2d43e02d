// Indexing worker: writes documents to Amazon OpenSearch Service, signing each request with SigV4.
const { Client } = require('@opensearch-project/opensearch');
const { AwsSigv4Signer } = require('@opensearch-project/opensearch/aws');
const { fromNodeProviderChain } = require('@aws-sdk/credential-providers');

// One provider for the process: its credentials carry `expiration`, so the signer asks again once they expire,
// and the provider refreshes them.
const provider = fromNodeProviderChain();

module.exports = new Client({
  ...AwsSigv4Signer({ region: 'eu-west-1', service: 'es', getCredentials: () => provider() }),
  node: 'https://search-catalog.eu-west-1.es.amazonaws.com',
});
