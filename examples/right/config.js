// Settings for the reporting service (CommonJS, read by the Express app and the backup script).
// Credentials are not configuration: the SDK and the aws CLI both find them through the default chain
// (environment, SSO, shared profile, container or instance role), and the backup script selects a profile
// with AWS_PROFILE instead of writing a credentials file.
module.exports = {
  region: process.env.AWS_REGION || 'us-east-1',
  reportsBucket: 'acme-reports',
  profile: process.env.AWS_PROFILE,
};
