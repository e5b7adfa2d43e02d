// Settings for the reporting service (CommonJS, read by the Express app and the backup script).
const { writeFileSync } = require('node:fs');
const path = require('node:path');

module.exports = {
  region: process.env.AWS_REGION || 'us-east-1',
  reportsBucket: 'acme-reports',
  aws: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID || 'AKIAQC65H5SDSOFDMAFB',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY || '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',
  },
};

// The backup script shells out to the aws CLI, which reads this file.
module.exports.writeCliProfile = (directory) =>
  writeFileSync(
    path.join(directory, 'credentials'),
    `[reports]
aws_access_key_id = AKIAQC65H5SDSOFDMAFB
aws_secret_access_key = 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
`,
  );
