import { USER_ROLES, type UserRole } from '@actionledger/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, IsIn, IsString, Length } from 'class-validator';

export class AddUserRequest {
  @ApiProperty({ example: 'jo.bloggs@durham.gov.uk' })
  @IsEmail()
  @Length(3, 320)
  email!: string;

  @ApiProperty({ example: 'Jo Bloggs' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: USER_ROLES, isArray: true, example: ['owner'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(4)
  @IsIn(USER_ROLES, { each: true })
  roles!: UserRole[];
}

export class ChangeRolesRequest {
  @ApiProperty({ enum: USER_ROLES, isArray: true, example: ['lead', 'owner'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(4)
  @IsIn(USER_ROLES, { each: true })
  roles!: UserRole[];
}
