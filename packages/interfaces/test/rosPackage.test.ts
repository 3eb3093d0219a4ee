// The ROS side of the package: colcon builds hearth_interfaces from package.xml and
// CMakeLists.txt, so CMakeLists must name every interface file the TypeScript is made from,
// except the messages mapped to another package's type.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../scripts/lib/model.mjs';
import { PACKAGE_DIR } from './support/fixturePackage.js';

const read = (file: string) => readFileSync(join(PACKAGE_DIR, file), 'utf8');

interface OwnFile {
  readonly file: string;
  readonly rosTypeName: string | null;
}

function ownFiles(): OwnFile[] {
  return buildModel({ packageDir: PACKAGE_DIR, packageName: 'hearth_interfaces' }).files;
}

describe('CMakeLists.txt', () => {
  const cmake = read('CMakeLists.txt');

  it('generates every interface file, and only those, with every dependency under deps/', () => {
    const call =
      /rosidl_generate_interfaces\(\$\{PROJECT_NAME\}([\s\S]*?)DEPENDENCIES([^)]*)\)/.exec(cmake);
    expect(call).not.toBeNull();
    const listed = [...(call?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1]).sort();
    // Mapped messages (`# @ros-type`) travel as their foreign type: they are not built here.
    const files = ownFiles()
      .filter((file) => file.rosTypeName === null)
      .map((file) => file.file)
      .sort();
    expect(listed).toEqual(files);
    // Each package under deps/ stands in for a real ROS package that colcon must find.
    const deps = readdirSync(join(PACKAGE_DIR, 'deps')).sort();
    expect(deps).toEqual(['builtin_interfaces', 'std_msgs']);
    expect(call?.[2]?.trim().split(/\s+/).sort()).toEqual(deps);
    for (const dep of deps) expect(cmake).toContain(`find_package(${dep} REQUIRED)`);
  });

  it('names the project hearth_interfaces and finds its generators', () => {
    expect(cmake).toMatch(/^project\(hearth_interfaces\)$/m);
    expect(cmake).toContain('find_package(rosidl_default_generators REQUIRED)');
    expect(cmake).toContain('find_package(builtin_interfaces REQUIRED)');
    expect(cmake).toContain('ament_package()');
  });
});

describe('package.xml', () => {
  const xml = read('package.xml');

  it('is a format 3 interface package named hearth_interfaces', () => {
    expect(xml).toContain('<package format="3">');
    expect(xml).toContain('<name>hearth_interfaces</name>');
    expect(xml).toContain('<buildtool_depend>rosidl_default_generators</buildtool_depend>');
    expect(xml).toContain('<depend>builtin_interfaces</depend>');
    expect(xml).toContain('<depend>std_msgs</depend>');
    expect(xml).toContain('<exec_depend>rosidl_default_runtime</exec_depend>');
    expect(xml).toContain('<member_of_group>rosidl_interface_packages</member_of_group>');
    expect(xml).toContain('<build_type>ament_cmake</build_type>');
  });

  it('exec-depends on the package of every foreign type a message maps to', () => {
    const mapped = ownFiles().flatMap((file) => (file.rosTypeName === null ? [] : [file]));
    expect(mapped.map((file) => file.file)).toEqual(
      expect.arrayContaining(['msg/AudioDataStamped.msg', 'msg/LiveSpeech.msg']),
    );
    for (const file of mapped) {
      const pkg = file.rosTypeName?.split('/')[0];
      expect(xml).toMatch(new RegExp(`<(exec_)?depend>${pkg}</(exec_)?depend>`));
    }
  });

  it('is not hidden from colcon', () => {
    expect(existsSync(join(PACKAGE_DIR, 'COLCON_IGNORE'))).toBe(false);
  });
});
