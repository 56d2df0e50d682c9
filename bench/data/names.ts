// Place names for generated units and districts: two characters from common place-name
// characters, then 镇, 乡 or 街道; unique within a data set.
import type { Stream } from './random';

const FIRST = '安宝北长城大德东丰福高广汉和河红华怀黄济嘉建江金晋靖康兰乐里临龙鹿洛马梅南宁平浦秋仁荣瑞山上邵胜石双水顺泰桃天田通万文西仙新兴阳永玉云漳中';
const SECOND = '安坝北滨昌城川店定丰港沟关河湖华集江口林岭楼庙南浦桥泉山水台塘亭湾溪霞阳堰营源庄洲';

export interface UnitName {
  readonly name: string;
  readonly kind: '城关镇' | '农村镇' | '街道';
  readonly district: string;
}

function twoChars(r: Stream): string {
  return r.pick([...FIRST]) + r.pick([...SECOND]);
}

/** `count` units in districts of about `perDistrict`: each district one 城关镇, a fifth 街道, the rest 农村镇. */
export function unitNames(r: Stream, count: number, perDistrict: number): UnitName[] {
  const used = new Set<string>();
  const fresh = (suffix: string) => {
    for (;;) {
      const name = twoChars(r) + suffix;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const out: UnitName[] = [];
  let district = '';
  for (let i = 0; i < count; i++) {
    const first = i % perDistrict === 0;
    if (first) district = fresh(r.chance(0.5) ? '区' : '县');
    const kind = first ? '城关镇' : r.chance(0.2) ? '街道' : '农村镇';
    const suffix = kind === '街道' ? '街道' : r.chance(0.1) ? '乡' : '镇';
    out.push({ name: fresh(suffix), kind, district });
  }
  return out;
}
