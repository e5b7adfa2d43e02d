// Express route (ECS task role): shares a finished report through a presigned download link.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import express from 'express';

const s3 = new S3Client({ region: 'eu-west-1' });
const app = express();

// Short-lived links, signed on demand: the page asks for a fresh one whenever the user clicks "download".
const SHARE_LINK_OPTIONS = { expiresIn: 15 * 60 };

app.get('/reports/:id/share', async (req, res) => {
  const command = new GetObjectCommand({ Bucket: 'acme-reports', Key: `reports/${req.params.id}.pdf` });
  res.json({ url: await getSignedUrl(s3, command, SHARE_LINK_OPTIONS) });
});

app.listen(3000);
