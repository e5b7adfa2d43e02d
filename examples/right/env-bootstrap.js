// Deploy worker: assumes the deploy role, then runs the CDK CLI and uploads the deploy report.
const { spawnSync } = require('node:child_process');
const { PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');
const { fromTemporaryCredentials } = require('@aws-sdk/credential-providers');

// The provider assumes the role again 5 minutes before the session expires.
const s3 = new S3Client({
  region: 'us-east-1',
  credentials: fromTemporaryCredentials({
    params: { RoleArn: process.env.DEPLOY_ROLE_ARN, RoleSessionName: 'deploy-worker' },
  }),
});

async function main() {
  // The CLI assumes the role itself through the `deploy` profile (role_arn + credential_source in ~/.aws/config).
  spawnSync('npx', ['cdk', 'deploy', '--all', '--require-approval', 'never'], {
    stdio: 'inherit',
    env: { ...process.env, AWS_PROFILE: 'deploy' },
  });

  await s3.send(new PutObjectCommand({ Bucket: 'deploy-reports', Key: 'latest.json', Body: '{"status":"done"}' }));
}

main();
