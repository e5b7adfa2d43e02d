// Express route (ECS task role): hands the browser a presigned POST form for direct uploads to S3.
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import express from 'express';

const s3 = new S3Client({ region: 'eu-west-1' });
const app = express();

// A short window, signed on demand: the page asks for a fresh form right before each upload.
const UPLOAD_WINDOW_SECONDS = 10 * 60;

app.post('/uploads/:id/form', async (req, res) => {
  const form = await createPresignedPost(s3, {
    Bucket: 'acme-uploads',
    Key: `incoming/${req.params.id}/\${filename}`,
    Conditions: [['content-length-range', 0, 10 * 1024 * 1024]],
    Expires: UPLOAD_WINDOW_SECONDS,
  });
  res.json(form);
});

app.listen(3000);
