import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instant } from '../common/instant';

/** 执法机关: a node of the agency tree (市局 → 分局 …). A user sees the cases of its agency's subtree. */
@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** full name as printed on the 决定书, e.g. 沅澧市生态环境局临湖分局 */
  @Index('IDX_agencies_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** the parent agency (市局 of a 分局); null for a root */
  @Index('IDX_agencies_parent_id')
  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24, transformer: instant })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'varchar', length: 24, transformer: instant })
  updatedAt: Date;
}
