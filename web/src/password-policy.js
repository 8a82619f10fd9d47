// password-policy.js — the password policy hint and a client-side pre-check.
// The server is the authority (TRUST password rule); this only saves a round trip.

export const PASSWORD_HINT = '至少12位，包含大写字母、小写字母、数字、符号中的至少三类，且不能与用户名相同'

/** '' if acceptable, else a Chinese reason. */
export function checkPassword(pw, username) {
  if (!pw || pw.length < 12) return '密码长度至少12位'
  let classes = 0
  if (/[A-Z]/.test(pw)) classes++
  if (/[a-z]/.test(pw)) classes++
  if (/[0-9]/.test(pw)) classes++
  if (/[^A-Za-z0-9]/.test(pw)) classes++
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类'
  if (username && pw.toLowerCase() === String(username).toLowerCase()) return '密码不能与用户名相同'
  return ''
}

/** An el-form validator for a password field; getUsername() supplies the username to compare. */
export function passwordValidator(getUsername) {
  return (rule, value, callback) => {
    const why = checkPassword(value, getUsername ? getUsername() : '')
    if (why) callback(new Error(why))
    else callback()
  }
}
