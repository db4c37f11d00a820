/**
 * The demo portal: a heading and one small form. Replaced by the instrument picker once src/forms lands.
 */
export function Portal() {
  return (
    <main>
      <h1>Formulary</h1>
      <form aria-label="Reduction request" onSubmit={(event) => event.preventDefault()}>
        <label>
          Sample run <input name="sampleRun" inputMode="numeric" />
        </label>
        <button type="submit">Submit</button>
      </form>
    </main>
  );
}
