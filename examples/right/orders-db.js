// Orders service (ECS): a pg pool authenticated with an RDS IAM auth token.
import { Signer } from '@aws-sdk/rds-signer';
import pg from 'pg';

const signer = new Signer({ region: 'eu-west-1', hostname: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com', port: 5432, username: 'orders' });

// pg calls the function, and signs a fresh token, for every connection it opens.
export const pool = new pg.Pool({
  host: 'orders.cluster-abc.eu-west-1.rds.amazonaws.com',
  user: 'orders',
  database: 'orders',
  ssl: true,
  password: () => signer.getAuthToken(),
});
