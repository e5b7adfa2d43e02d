// Orders service (ECS): a pg pool authenticated with an RDS IAM auth token.
import { Signer } from '@aws-sdk/rds-signer';
import pg from 'pg';

const signer = new Signer({ region: 'eu-west-1', hostname: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com', port: 5432, username: 'orders' });

// The token lives 15 minutes: every connection the pool opens after that is refused.
export const pool = new pg.Pool({
  host: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com',
  user: 'orders',
  database: 'orders',
  ssl: true,
  password: await signer.getAuthToken(),
});
