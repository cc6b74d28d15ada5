/** Multer reads a multipart file name as Latin-1; browsers and curl send UTF-8, so "Café.pdf" would be mangled. */
export function utf8FileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
