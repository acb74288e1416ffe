/** The integration suite's entry point inside a desktop VS Code extension host (@vscode/test-electron). */
import * as path from 'node:path';
import Mocha from 'mocha';


export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.itest.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`integration: ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
