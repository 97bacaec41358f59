import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes: about 100 ms here). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Password rule: 8–128 characters with at least two of letters, digits, other characters; not the username. */
export function passwordProblem(password: string, username?: string): string | undefined {
  const length = [...password].length;
  if (length < 8 || length > 128) return '密码长度应为 8–128 个字符';
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 2) return '密码应至少包含字母、数字、符号中的两类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不得包含用户名';
  return undefined;
}
