export interface UploadFile {
  name: string;
  data: string | Buffer;
}

/** A multipart body as a browser's FormData sends it: form fields, then the files under `field`. */
export async function multipartForm(files: UploadFile[], fields: [string, string][], field = 'files') {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  for (const file of files) {
    data.append(field, new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)]), file.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') as string };
}
