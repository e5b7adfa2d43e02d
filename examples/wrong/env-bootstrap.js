// Deploy worker: assumes the deploy role, then runs the CDK CLI and uploads the deploy report.
const { spawnSync } = require('node:child_process');
const { AssumeRoleCommand, STSClient } = require('@aws-sdk/client-sts');
const { PutObjectCommand, S3Client } = require('@aws-sdk/client-s3');

const sts = new STSClient({ region: 'us-east-1' });

async function main() {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.DEPLOY_ROLE_ARN, RoleSessionName: 'deploy-worker' }),
  );
  // Every client created from here on reads these keys, and keeps them after the session expires.
  process.env.AWS_ACCESS_KEY_ID = Credentials.AccessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = Credentials.SecretAccessKey;
  process.env.AWS_SESSION_TOKEN = Credentials.SessionToken;

  spawnSync('npx', ['cdk', 'deploy', '--all', '--require-approval', 'never'], {
    stdio: 'inherit',
    env: { ...process.env, AWS_SESSION_TOKEN: Credentials.SessionToken },
  });

  const s3 = new S3Client({ region: 'us-east-1' });
  await s3.send(new PutObjectCommand({ Bucket: 'deploy-reports', Key: 'latest.json', Body: '{"status":"done"}' }));
}

main();
