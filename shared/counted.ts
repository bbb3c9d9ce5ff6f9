/** A count with its noun, as the app writes it everywhere: "1 hook", "2 hooks", "10,000 deliveries". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
