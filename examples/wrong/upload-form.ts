// Express route (ECS task role): hands the browser a presigned POST form for direct uploads to S3.
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import express from 'express';

const s3 = new S3Client({ region: 'eu-west-1' });
const app = express();

// "The form stays valid all day", but it carries the task role's session token, which expires within hours.
const UPLOAD_WINDOW_SECONDS = 24 * 60 * 60;

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
