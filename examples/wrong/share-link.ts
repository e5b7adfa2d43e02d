// Express route (ECS task role): shares a finished report through a presigned download link.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import express from 'express';

const s3 = new S3Client({ region: 'eu-west-1' });
const app = express();

// "Valid for a week", but the task role's credentials expire within hours: the link dies long before that.
const SHARE_LINK_OPTIONS = { expiresIn: 7 * 24 * 60 * 60 };

app.get('/reports/:id/share', async (req, res) => {
  const command = new GetObjectCommand({ Bucket: 'acme-reports', Key: `reports/${req.params.id}.pdf` });
  res.json({ url: await getSignedUrl(s3, command, SHARE_LINK_OPTIONS) });
});

app.listen(3000);
